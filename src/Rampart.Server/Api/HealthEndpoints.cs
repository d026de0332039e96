using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rampart.Server.Hosting;
using Rampart.Tracking.Persistence;

namespace Rampart.Server.Api;

public static class HealthEndpoints
{
    /// <summary>How long the readiness probe waits for the database before answering 503.</summary>
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(5);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (EnforcementScheduler scheduler) =>
                Results.Ok(new Health("ok", scheduler.Runs)))
            .AllowAnonymous()
            .WithTags("Health")
            .Produces<Health>()
            .WithName("Health")
            .WithSummary("Liveness: answers without a token once the database is migrated and the server listens; does not touch the database.");

        // Liveness must not fail when the database is down (a restart would not help); readiness must, so a load
        // balancer stops sending requests that could only fail.
        app.MapGet("/health/ready", async (EnforcementScheduler scheduler, IDbContextFactory<TrackingDbContext> dbFactory, CancellationToken ct) =>
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(DatabaseTimeout);
                bool reachable;
                try
                {
                    await using var db = await dbFactory.CreateDbContextAsync(timeout.Token);
                    reachable = await db.Database.CanConnectAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    reachable = false;
                }
                catch (System.Data.Common.DbException)
                {
                    reachable = false;
                }

                return reachable
                    ? Results.Ok(new Health("ok", scheduler.Runs))
                    : Results.Json(new Health("database-unreachable", scheduler.Runs), statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .AllowAnonymous()
            .WithTags("Health")
            .Produces<Health>()
            .Produces<Health>(StatusCodes.Status503ServiceUnavailable)
            .WithName("Ready")
            .WithSummary("Readiness: 200 when the database answers within 5 s, 503 with status database-unreachable when it does not.");
    }

    public sealed record Health(string Status, int EnforcementRuns);
}
