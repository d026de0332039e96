using System.Net;

namespace Rampart.Scanning.Engine;

/// <summary>Everything a scan may be told by its caller. Defaults are safe for hostile targets.</summary>
public sealed record ScanOptions
{
    /// <summary>Talk to loopback, private, link-local and metadata addresses (off by default).</summary>
    public bool AllowPrivateNetwork { get; init; }

    /// <summary>Send probes that could change the app's state (fake installs, webhook POSTs).</summary>
    public bool AllowStateChanging { get; init; }

    /// <summary>Extra trusted CA certificates (PEM files), e.g. a staging CA.</summary>
    public IReadOnlyList<string> TrustedCaFiles { get; init; } = [];

    /// <summary>A test installation's shared secret; enables the differential authentication check.</summary>
    public string? SharedSecret { get; init; }

    /// <summary>The test installation's <c>clientKey</c> (JWT <c>iss</c>).</summary>
    public string? ClientKey { get; init; }

    /// <summary>A non-admin user's Connect JWT; enables the authorization check.</summary>
    public string? UserJwt { get; init; }

    /// <summary>Catalog id to judge against; null means the newest in effect today.</summary>
    public string? CatalogId { get; init; }

    /// <summary>The DNS server every name of the scan is resolved through; null means the system's resolvers.</summary>
    public IPEndPoint? DnsServer { get; init; }

    /// <summary>
    /// The port a zone's name servers are asked on when its delegation is checked (RMP-DNS-002). Always 53 on the
    /// internet; a lab or test whose name servers listen elsewhere sets it (there is no command-line option).
    /// </summary>
    public int NameServerPort { get; init; } = 53;

    /// <summary>Time limit of one DNS query (one retry follows a timeout).</summary>
    public TimeSpan DnsTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public int MaxBodyBytes { get; init; } = 2 * 1024 * 1024;

    public int MaxDescriptorBytes { get; init; } = 5 * 1024 * 1024;

    public int MaxRedirects { get; init; } = 5;

    public int GlobalConcurrency { get; init; } = 64;

    public int PerHostConcurrency { get; init; } = 16;

    /// <summary>Longest <c>Retry-After</c> Rampart waits out before giving up on an endpoint.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(10);
}
