using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rampart.DemoApps.Connect;
using Rampart.DemoApps.Web;

namespace Rampart.DemoApps.Hosting;

/// <summary>
/// Builds one demo app's web server. Kestrel, TLS and the pipeline are put together here and only here, so per-app
/// TLS settings can later be added in <see cref="ConfigureTls"/> without touching the endpoints.
/// </summary>
internal static class DemoServer
{
    private const int MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplication Build(DemoRuntime runtime, X509Certificate2 certificate)
    {
        // The empty builder reads no configuration, environment or appsettings: nothing outside decides the port,
        // the URLs or the logging of a demo app.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DemoServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(ConfigureTls(certificate)));
        });

        var app = builder.Build();
        app.Use((context, next) =>
        {
            runtime.Journal.Add(new DemoRequestRecord(
                context.Request.Method,
                ConnectJwtValidator.RawTarget(context.Request),
                context.Request.Headers.ContainsKey("Authorization")));
            return next(context);
        });
        app.UseSecurityHeaders(runtime);
        if (runtime.Has(DemoFlaws.RateLimited))
        {
            app.Use((context, next) =>
            {
                if (!context.Request.Path.Equals(DemoPaths.Busy, StringComparison.OrdinalIgnoreCase))
                {
                    return next(context);
                }

                context.Response.Headers.RetryAfter = "120";
                return PlainResponses.TextAsync(context, StatusCodes.Status429TooManyRequests, "429 Too Many Requests.");
            });
        }

        app.UseRouting();
        app.MapPublicContent(runtime);
        if (!runtime.Options.StaticOnly)
        {
            var validator = new ConnectJwtValidator(runtime);
            app.MapModulePages(runtime, validator);
            app.MapAssets(runtime);
            app.MapCallbacks(runtime, validator, new SignedInstallValidator(runtime, validator));
        }

        return app;
    }

    /// <summary>The port Kestrel actually bound for the ephemeral listener.</summary>
    public static int BoundPort(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.Single()).Port;
    }

    // The demo apps follow Mozilla's intermediate profile so that only their deliberate flaws show up in a scan;
    // Kestrel's defaults on Linux would also offer CBC suites (RMP-TLS-002).
    private static HttpsConnectionAdapterOptions ConfigureTls(X509Certificate2 certificate) => new()
    {
        ServerCertificate = certificate,
        SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        OnAuthenticate = (_, ssl) => ssl.CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(
        [
            TlsCipherSuite.TLS_AES_128_GCM_SHA256,
            TlsCipherSuite.TLS_AES_256_GCM_SHA384,
            TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
            TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        ]),
    };
}
