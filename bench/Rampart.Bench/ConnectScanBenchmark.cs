using System.Diagnostics;
using Rampart.Catalog;
using Rampart.DemoApps;
using Rampart.Scanning.Connect;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Jwt;

namespace Rampart.Bench;

/// <summary>
/// Scans a fleet of demo apps with N endpoints each on loopback, and probes the same endpoints the way CSRT does
/// (sequential, a connection per request) in the same run, so the ratio compares like with like on this machine.
/// </summary>
internal static class ConnectScanBenchmark
{
    public static async Task<BenchResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        using var authority = DemoCertificateAuthority.Create(time);
        var caFile = authority.WriteCertificatePem(Path.Combine(Path.GetTempPath(), $"rampart-bench-ca-{Environment.ProcessId}.pem"));
        var apps = new List<DemoApp>();
        try
        {
            var extra = await ExtraPagesForAsync(settings.Endpoints, authority, time, cancellationToken);
            for (var i = 0; i < settings.Apps; i++)
            {
                apps.Add(await DemoApp.StartAsync(new DemoAppOptions($"bench-app-{i}", $"Bench app {i}", DemoFlaws.None, extra), authority, time, cancellationToken));
            }

            var engine = new ScanEngine(time, CatalogRegistry.Embedded);
            var endpoints = await CountEndpointsAsync(apps[0], cancellationToken);
            await ScanAsync(engine, apps[0], caFile, cancellationToken); // warm-up: JIT, TLS session setup

            var scans = new List<ScanSample>();
            var baselines = new List<BaselineSample>();
            using var baseline = new SequentialCloseClient(authority.Certificate);
            for (var round = 0; round < settings.Rounds; round++)
            {
                foreach (var app in apps)
                {
                    scans.Add(await ScanAsync(engine, app, caFile, cancellationToken));
                }

                baselines.Add(await BaselineAsync(baseline, apps, time, cancellationToken));
            }

            using var process = Process.GetCurrentProcess();
            process.Refresh();
            return new BenchResult(settings, endpoints, scans, baselines, process.PeakWorkingSet64, Environment.ProcessorCount);
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }

            File.Delete(caFile);
        }
    }

    private static ScanOptions Options(DemoApp app, string caFile) => new()
    {
        AllowPrivateNetwork = true,
        AllowStateChanging = true,
        TrustedCaFiles = [caFile],
        SharedSecret = app.SharedSecret,
        ClientKey = app.ClientKey,
        UserJwt = app.CreateContextJwt(app.UserAccountId),
    };

    private static async Task<ScanSample> ScanAsync(ScanEngine engine, DemoApp app, string caFile, CancellationToken cancellationToken)
    {
        var before = app.Requests.Count;
        var allocated = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        var report = await engine.ScanConnectAsync(app.DescriptorUrl, Options(app, caFile), null, cancellationToken);
        watch.Stop();
        return new ScanSample(watch.Elapsed, app.Requests.Count - before, GC.GetTotalAllocatedBytes() - allocated, report.Findings.Count(f => !f.Advisory));
    }

    private static async Task<BaselineSample> BaselineAsync(SequentialCloseClient client, IReadOnlyList<DemoApp> apps, TimeProvider time, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var sent = 0;
        foreach (var app in apps)
        {
            var targets = await ModuleEndpointsAsync(app, cancellationToken);
            var now = time.GetUtcNow();
            var claims = ConnectJwt.Claims("csrt-fake-token-ignore", "fake", now, TimeSpan.FromHours(3));
            sent += await client.ProbeAsync(targets, ConnectJwt.CreateHs256(claims, "fake-jwt-secret"), ConnectJwt.CreateUnsigned(claims), cancellationToken);
        }

        watch.Stop();
        return new BaselineSample(watch.Elapsed, sent);
    }

    private static async Task<IReadOnlyList<Uri>> ModuleEndpointsAsync(DemoApp app, CancellationToken cancellationToken) =>
        (await DescriptorAsync(app, cancellationToken)).Endpoints
            .Where(e => !e.IsThirdParty && e.Role != EndpointRole.Lifecycle).Select(e => e.Url).ToList();

    private static async Task<ConnectDescriptor> DescriptorAsync(DemoApp app, CancellationToken cancellationToken)
    {
        // The bench's own servers on loopback: certificate checks add nothing to what is measured here.
        using var http = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        });
        var bytes = await http.GetByteArrayAsync(app.DescriptorUrl, cancellationToken);
        return ConnectDescriptorParser.Parse(bytes, app.DescriptorUrl);
    }

    private static async Task<int> CountEndpointsAsync(DemoApp app, CancellationToken cancellationToken) =>
        (await DescriptorAsync(app, cancellationToken)).Endpoints.Count(e => !e.IsThirdParty);

    /// <summary>How many extra pages make a demo app name <paramref name="target"/> endpoints in all.</summary>
    private static async Task<int> ExtraPagesForAsync(int target, DemoCertificateAuthority authority, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var probe = await DemoApp.StartAsync(new DemoAppOptions("bench-probe", "Bench probe"), authority, time, cancellationToken);
        return Math.Max(0, target - await CountEndpointsAsync(probe, cancellationToken));
    }
}
