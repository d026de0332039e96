using Rampart.DemoApps;

namespace Rampart.Cli.Tests;

/// <summary>One demo app and a CA file for it, for scanning through the command line.</summary>
public sealed class DemoTarget : IAsyncDisposable
{
    private DemoTarget(DemoCertificateAuthority authority, DemoApp app, string caFile)
    {
        Authority = authority;
        App = app;
        CaFile = caFile;
    }

    public DemoCertificateAuthority Authority { get; }

    public DemoApp App { get; }

    public string CaFile { get; }

    public static async Task<DemoTarget> StartAsync(string key)
    {
        var authority = DemoCertificateAuthority.Create(TimeProvider.System);
        var options = DemoFleet.Standard.Single(o => o.Key == key);
        var app = await DemoApp.StartAsync(options, authority, TimeProvider.System, CancellationToken.None);
        var caFile = authority.WriteCertificatePem(Path.Combine(Path.GetTempPath(), $"rampart-cli-test-{Guid.NewGuid():N}.pem"));
        return new DemoTarget(authority, app, caFile);
    }

    public string[] ScanArgs(params string[] extra) =>
        ["scan", App.DescriptorUrl.ToString(), "--allow-private-network", "--trust-ca", CaFile, "-q", .. extra];

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Authority.Dispose();
        File.Delete(CaFile);
    }
}
