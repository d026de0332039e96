using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Rampart.DemoApps.Connect;
using Rampart.DemoApps.Hosting;
using Rampart.DemoApps.Tls;

namespace Rampart.DemoApps;

/// <summary>
/// A running demo Connect app: Kestrel over HTTPS on 127.0.0.1 with an ephemeral port, one seeded test
/// installation, and the flaws its options switch on.
/// </summary>
public sealed class DemoApp : IAsyncDisposable
{
    private static readonly TimeSpan ContextTokenLifetime = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The name server the DNS-flaw apps delegate their zone to: its domain does not exist.</summary>
    public const string LapsedNameServer = "ns1.lapsed-dns-provider.test";

    private const DemoFlaws CertificateFlaws = DemoFlaws.ExpiredCertificate | DemoFlaws.WrongHostCertificate | DemoFlaws.ExpiringCertificate;

    private readonly WebApplication web;
    private readonly DemoRuntime runtime;
    private readonly X509Certificate2 certificate;
    private readonly LegacyTlsServer? legacyTlsHost;
    private readonly ExtraHost? extra;
    private readonly DemoDnsServer? dns;
    private int disposed;

    private DemoApp(WebApplication web, DemoRuntime runtime, X509Certificate2 certificate, LegacyTlsServer? legacyTlsHost, ExtraHost? extra, DemoDnsServer? dns)
    {
        this.web = web;
        this.runtime = runtime;
        this.certificate = certificate;
        this.legacyTlsHost = legacyTlsHost;
        this.extra = extra;
        this.dns = dns;
    }

    /// <summary>
    /// The DNS server a scan of this app must use (<c>--dns-server</c>): the app's own responder for the DNS-flaw apps,
    /// null for the others (their hosts are IP literals).
    /// </summary>
    public IPEndPoint? DnsServer => dns?.Endpoint;

    /// <summary>The certificate-flaw apps' extra HTTPS host (serving the <c>disabled</c> callback), null for the others.</summary>
    public Uri? ExtraHostUrl => runtime.ExtraHostUrl;

    public DemoAppOptions Options => runtime.Options;

    /// <summary><c>https://127.0.0.1:&lt;port&gt;/</c>; the certificate names IP 127.0.0.1 and DNS localhost.</summary>
    public Uri BaseUrl => runtime.BaseUrl;

    public Uri DescriptorUrl => new(BaseUrl, "atlassian-connect.json");

    /// <summary>The BouncyCastle second host of <see cref="DemoFlaws.LegacyTls"/>/<see cref="DemoFlaws.WeakCiphers"/>; null otherwise.</summary>
    public Uri? LegacyTlsOrigin => runtime.LegacyTlsOrigin;

    /// <summary>The test installation's clientKey (the <c>iss</c> of product-to-app JWTs).</summary>
    public string ClientKey => runtime.Installations.Test.ClientKey;

    /// <summary>The test installation's shared secret: random, base64url, new for every start.</summary>
    public string SharedSecret => runtime.Installations.Test.SharedSecret;

    public string AdminAccountId => runtime.AdminAccountId;

    /// <summary>A user who is not a site administrator.</summary>
    public string UserAccountId => runtime.UserAccountId;

    /// <summary>Every request received so far, oldest first (a snapshot).</summary>
    public IReadOnlyList<DemoRequestRecord> Requests => runtime.Journal.Snapshot();

    public static async Task<DemoApp> StartAsync(
        DemoAppOptions options,
        DemoCertificateAuthority ca,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ca);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Key);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Name);
        ArgumentOutOfRangeException.ThrowIfNegative(options.ExtraPages);
        if (options.AuthenticationType is not ("jwt" or "none"))
        {
            throw new ArgumentException("AuthenticationType must be \"jwt\" or \"none\".", nameof(options));
        }

        var runtime = new DemoRuntime(options, time);
        X509Certificate2? certificate = null;
        WebApplication? web = null;
        ExtraHost? extra = null;
        DemoDnsServer? dns = null;
        try
        {
            if (runtime.Has(DemoFlaws.DanglingDelegation))
            {
                // The baseUrl host resolves (to this app), but its zone's only name server does not exist.
                runtime.HostName = $"app.{options.Key}.rampart-demo.test";
                dns = new DemoDnsServer(
                    new Dictionary<string, IPAddress> { [runtime.HostName] = IPAddress.Loopback },
                    new Dictionary<string, string[]> { [$"{options.Key}.rampart-demo.test"] = [LapsedNameServer] });
            }

            certificate = runtime.HostName is { } hostName
                ? ca.IssueServerCertificate("127.0.0.1", "localhost", hostName)
                : ca.IssueServerCertificate("127.0.0.1", "localhost");
            web = DemoServer.Build(runtime, certificate);
            await web.StartAsync(cancellationToken);
            runtime.BaseUrl = new Uri($"https://127.0.0.1:{DemoServer.BoundPort(web)}/");
            if ((options.Flaws & CertificateFlaws) != 0)
            {
                extra = await ExtraHost.StartAsync(runtime, ca, cancellationToken);
                runtime.ExtraHostUrl = extra.Url;
            }

            var legacyTlsHost = LegacyTlsFrontDoor.Wanted(runtime) ? LegacyTlsFrontDoor.Start(runtime, certificate, runtime.BaseUrl.Port) : null;
            runtime.LegacyTlsOrigin = legacyTlsHost?.Origin;
            return new DemoApp(web, runtime, certificate, legacyTlsHost, extra, dns);
        }
        catch
        {
            if (extra is not null)
            {
                await extra.DisposeAsync();
            }

            if (web is not null)
            {
                await web.DisposeAsync();
            }

            dns?.Dispose();
            certificate?.Dispose();
            runtime.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A context JWT like <c>AP.context.getToken()</c> returns: HS256 with the shared secret, <c>iss</c> = clientKey,
    /// <c>sub</c> = the account, <c>qsh</c> = <c>context-qsh</c>, expiring <paramref name="lifetime"/> (default 15
    /// minutes) after the app's clock; a negative lifetime gives an expired token.
    /// </summary>
    public string CreateContextJwt(string accountId, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        var now = runtime.Time.GetUtcNow();
        var claims = new JsonObject
        {
            ["iss"] = ClientKey,
            ["sub"] = accountId,
            ["qsh"] = QueryStringHash.ContextQsh,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.Add(lifetime ?? ContextTokenLifetime).ToUnixTimeSeconds(),
            ["context"] = new JsonObject(),
        };
        return Hs256TokenWriter.Write(claims, SharedSecret);
    }

    /// <summary>
    /// Makes a signed-install key known by its <c>kid</c>, as if fetched from Atlassian's key CDN, so tests can drive
    /// a genuine signed install. Only the public half is kept.
    /// </summary>
    public void TrustInstallKey(string keyId, RSA key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentNullException.ThrowIfNull(key);
        runtime.InstallKeys.Add(keyId, key);
    }

    /// <summary>Whether a tenant with this clientKey is installed (the test installation always is).</summary>
    public bool IsInstalled(string clientKey) => runtime.Installations.Find(clientKey) is not null;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        using (var stopping = new CancellationTokenSource(StopTimeout))
        {
            await web.StopAsync(stopping.Token);
        }

        await web.DisposeAsync();
        if (legacyTlsHost is not null)
        {
            await legacyTlsHost.DisposeAsync();
        }

        if (extra is not null)
        {
            await extra.DisposeAsync();
        }

        dns?.Dispose();
        certificate.Dispose();
        runtime.Dispose();
    }
}
