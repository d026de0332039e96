using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rampart.Tracking.Persistence;

namespace Rampart.Server.Api;

/// <summary>
/// The probes, answered from the framework's health checks. They are endpoints of their own rather than
/// <c>MapHealthChecks</c> so that the OpenAPI document lists them (it lists route handlers only) and they keep
/// their JSON shape.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>How long the readiness probe waits for the database before answering 503.</summary>
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(5);

    private const string Database = "database";
    private const string Live = "live";
    private const string Ready = "ready";

    /// <summary>Registers the checks: the database (readiness only; a restart would not fix a database outage).</summary>
    public static void AddChecks(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // The tracker hands out contexts from a pooled factory; the EF Core check takes a context from the request scope.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<TrackingDbContext>>().CreateDbContext());
        services.AddHealthChecks().AddDbContextCheck<TrackingDbContext>(Database, HealthStatus.Unhealthy, [Ready]);
        services.Configure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations.Where(r => r.Name == Database))
            {
                registration.Timeout = DatabaseTimeout;
            }
        });
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (HealthCheckService checks, CancellationToken ct) =>
                Answer(await checks.CheckHealthAsync(r => r.Tags.Contains(Live), ct)))
            .AllowAnonymous()
            .WithTags("Health")
            .Produces<Health>()
            .WithName("Health")
            .WithSummary("Liveness: answers without a token once the database is migrated and the server listens; does not touch the database.");

        // Liveness must not fail when the database is down (a restart would not help); readiness must, so a load
        // balancer stops sending requests that could only fail.
        app.MapGet("/health/ready", async (HealthCheckService checks, CancellationToken ct) =>
                Answer(await checks.CheckHealthAsync(r => r.Tags.Contains(Ready), ct)))
            .AllowAnonymous()
            .WithTags("Health")
            .Produces<Health>()
            .Produces<Health>(StatusCodes.Status503ServiceUnavailable)
            .WithName("Ready")
            .WithSummary("Readiness: 200 when the database answers within 5 s, 503 with status database-unreachable when it does not.");
    }

    /// <summary>200 <c>ok</c>, or 503 naming the first check that failed (<c>database-unreachable</c>).</summary>
    private static IResult Answer(HealthReport report)
    {
        var failed = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key).Order(StringComparer.Ordinal).FirstOrDefault();
        return failed is null
            ? Results.Ok(new Health("ok"))
            : Results.Json(new Health($"{failed}-unreachable"), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The probes' answer: nothing but the status, since anyone may ask (the enforcement-run count is a metric).</summary>
    public sealed record Health(string Status);
}
