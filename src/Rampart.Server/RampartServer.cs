using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Rampart.Server.Api;
using Rampart.Server.Auth;
using Rampart.Server.Hosting;
using Rampart.Server.Http;
using Rampart.Tracking;

namespace Rampart.Server;

/// <summary>Builds the tracking server (<c>rampart serve</c>): one Kestrel host, the REST API under <c>/api</c>.</summary>
public static class RampartServer
{
    /// <summary>The request body limit of every endpoint that does not set its own.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>Builds the server; call <see cref="StartAsync"/> to migrate the database and listen.</summary>
    /// <param name="minimumLogLevel">Log level on standard error (tests pass Warning to stay quiet).</param>
    /// <param name="logging">More logging configuration after the server's own (tests add a collecting provider).</param>
    public static WebApplication Build(ServerOptions options, TimeProvider time, LogLevel minimumLogLevel = LogLevel.Information,
        Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(RampartServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(minimumLogLevel);
        // Per-command and per-request logs would drown the server's own messages (enforcement runs, errors).
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Standard output is for the "listening on" line and nothing else (scripts and tests read it).
        builder.Logging.AddSimpleConsole(c => c.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(c => c.LogToStandardErrorThreshold = LogLevel.Trace);
        logging?.Invoke(builder.Logging);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Every body is a small JSON object but a scan report, whose endpoint raises the limit ([RequestSizeLimit]).
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            kestrel.Limits.MaxConcurrentConnections = 1024;
            kestrel.Limits.MaxConcurrentUpgradedConnections = 0;
        });

        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(options);
        builder.Services.AddRampartTracking(options.Store);
        builder.Services.ConfigureHttpJsonOptions(json => WireJson.Apply(json.SerializerOptions));
        builder.Services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, _ => { });
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer<ApiDocument>();
            openApi.AddOperationTransformer<ApiOperation>();
        });
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemCustomization.Apply);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        HealthEndpoints.AddChecks(builder.Services);
        builder.Services.AddSingleton<EnforcementScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EnforcementScheduler>());

        var app = builder.Build();
        app.UseExceptionHandler();
        // Bodiless errors (no such route, method not allowed) become problems too; ProblemCustomization words them.
        app.UseStatusCodePages(status => ProblemWriter.WriteAsync(status.HttpContext, status.HttpContext.Response.StatusCode));
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi();
        HealthEndpoints.Map(app);
        var api = app.MapGroup("/api");
        ProblemResponses.AddCommon(api);
        PartnerEndpoints.Map(api);
        AppEndpoints.Map(api);
        TicketEndpoints.Map(api);
        ExceptionEndpoints.Map(api);
        AuditEndpoints.Map(api);
        TokenEndpoints.Map(api);
        return app;
    }

    /// <summary>Applies the database migrations, then starts listening; returns the bound addresses.</summary>
    public static async Task<IReadOnlyList<string>> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        await TrackingDatabase.MigrateAsync(app.Services, cancellationToken);
        await app.StartAsync(cancellationToken);
        IReadOnlyList<string> addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses is { } bound ? [.. bound] : [];
        var options = app.Services.GetRequiredService<ServerOptions>();
        ServerLog.Listening(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RampartServer).FullName!),
            string.Join(", ", addresses), options.Store.Provider.ToString(), options.EnforcementInterval);
        return addresses;
    }
}
