using System.Collections.Concurrent;
using Rampart.Catalog;
using Rampart.DemoApps;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Tests.Support;

/// <summary>
/// The built-in demo apps, started once for a test class on loopback over real HTTPS with a CA made for the run,
/// and their full-battery scan reports (computed once per app and shared by the assertions).
/// </summary>
public sealed class DemoFleetFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ScanReport>>> reports = new(StringComparer.Ordinal);

    public DemoCertificateAuthority Authority { get; private set; } = null!;

    public string CaFile { get; private set; } = null!;

    public Dictionary<string, DemoApp> Apps { get; } = new(StringComparer.Ordinal);

    public ScanEngine Engine { get; } = new(TimeProvider.System, CatalogRegistry.Embedded);

    public async Task InitializeAsync()
    {
        Authority = DemoCertificateAuthority.Create(TimeProvider.System);
        CaFile = Authority.WriteCertificatePem(Path.Combine(Path.GetTempPath(), $"rampart-test-ca-{Guid.NewGuid():N}.pem"));
        var started = await Task.WhenAll(DemoFleet.Standard.Select(o => DemoApp.StartAsync(o, Authority, TimeProvider.System, TestTimeout.Token)));
        foreach (var app in started)
        {
            Apps[app.Options.Key] = app;
        }
    }

    /// <summary>Everything enabled, as <c>rampart demo</c> scans.</summary>
    public ScanOptions FullOptions(DemoApp app) => new()
    {
        AllowPrivateNetwork = true,
        AllowStateChanging = true,
        TrustedCaFiles = [CaFile],
        SharedSecret = app.SharedSecret,
        ClientKey = app.ClientKey,
        UserJwt = app.CreateContextJwt(app.UserAccountId),
        CatalogId = "2022",
        DnsServer = app.DnsServer,
    };

    public Task<ScanReport> FullScanAsync(string key) =>
        reports.GetOrAdd(key, k => new Lazy<Task<ScanReport>>(() => ScanAsync(Apps[k], FullOptions(Apps[k])))).Value;

    public Task<ScanReport> ScanAsync(DemoApp app, ScanOptions options) =>
        Engine.ScanConnectAsync(app.DescriptorUrl, options, null, TestTimeout.Token);

    public async Task DisposeAsync()
    {
        foreach (var app in Apps.Values)
        {
            await app.DisposeAsync();
        }

        Authority.Dispose();
        File.Delete(CaFile);
    }
}
