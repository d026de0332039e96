using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;

namespace Rampart.DemoApps.Hosting;

/// <summary>
/// The certificate-flaw apps' second HTTPS listener on 127.0.0.1: the same app (same runtime, routes and journal) on
/// its own port, presenting a certificate with the app's certificate flaws. The descriptor names it for the
/// <c>disabled</c> callback, so a scan sees an app host with a bad certificate beside a healthy main host.
/// </summary>
internal sealed class ExtraHost : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication web;
    private readonly X509Certificate2 certificate;

    private ExtraHost(WebApplication web, X509Certificate2 certificate, Uri url)
    {
        this.web = web;
        this.certificate = certificate;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<ExtraHost> StartAsync(DemoRuntime runtime, DemoCertificateAuthority ca, CancellationToken cancellationToken)
    {
        var certificate = FlawedCertificate(runtime, ca);
        WebApplication? web = null;
        try
        {
            web = DemoServer.Build(runtime, certificate);
            await web.StartAsync(cancellationToken);
            return new ExtraHost(web, certificate, new Uri($"https://127.0.0.1:{DemoServer.BoundPort(web)}/"));
        }
        catch
        {
            if (web is not null)
            {
                await web.DisposeAsync();
            }

            certificate.Dispose();
            throw;
        }
    }

    /// <summary>Expired wins over expiring; a wrong-host certificate names only a host the app is not served from.</summary>
    private static X509Certificate2 FlawedCertificate(DemoRuntime runtime, DemoCertificateAuthority ca)
    {
        var now = runtime.Time.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        string[] names = runtime.Has(DemoFlaws.WrongHostCertificate) ? ["wrong-host.rampart-demo.test"] : ["127.0.0.1", "localhost"];
        if (runtime.Has(DemoFlaws.ExpiredCertificate))
        {
            return ca.IssueServerCertificate(Later(ca.NotBefore, now.AddDays(-20)), now.AddDays(-1), names);
        }

        return runtime.Has(DemoFlaws.ExpiringCertificate)
            ? ca.IssueServerCertificate(Later(ca.NotBefore, now.AddDays(-1)), now.AddDays(10), names)
            : ca.IssueServerCertificate(names);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(StopTimeout))
        {
            await web.StopAsync(stopping.Token);
        }

        await web.DisposeAsync();
        certificate.Dispose();
    }
}
