using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Rampart.DemoApps.Tls;
using Rampart.Scanning.Http;
using Rampart.Scanning.Tls;

namespace Rampart.Bench;

/// <summary>
/// Full TLS assessment (every protocol, cipher suites per protocol) of loopback servers by Rampart and by testssl.sh
/// (<c>-p -E</c>, protocols and ciphers per protocol: the same verdicts Rampart gives), side by side, N runs per target.
/// Targets: an <c>openssl s_server</c> (TLS 1.0–1.3) and a BouncyCastle legacy server (TLS 1.0–1.2 with 3DES, in process).
/// </summary>
internal static class TlsBenchmark
{
    private const string OpenSslSuites = "ECDHE-RSA-AES128-SHA:AES256-SHA:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:@SECLEVEL=0";

    public static async Task<string> RunAsync(int runs, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("rampart-tls-bench-").FullName;
        var cert = Path.Combine(directory, "c.pem");
        var key = Path.Combine(directory, "k.pem");
        await RunToEndAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-subj", "/CN=localhost", "-days", "2"], cancellationToken);
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var server = Process.Start(new ProcessStartInfo("openssl",
            ["s_server", "-accept", $"127.0.0.1:{port}", "-cert", cert, "-key", key, "-www", "-quiet", "-cipher", OpenSslSuites])
        { RedirectStandardOutput = true, RedirectStandardError = true }) ?? throw new InvalidOperationException("openssl did not start");
        using var certificate = X509Certificate2.CreateFromPemFile(cert, key);
        await using var legacy = new LegacyTlsServer(certificate, LegacyTlsOptions.LegacyWithWeakCiphers);
        try
        {
            await Task.Delay(500, cancellationToken);
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"{runs} runs per target, Rampart then testssl.sh `-p -E` in each run.").AppendLine();
            report.AppendLine("| Target | Rampart median (min–max) | testssl.sh median (min–max) | Ratio of medians | Probes per host (Rampart) | Verdicts equal in every run |");
            report.AppendLine("|---|---|---|---|---|---|");
            foreach (var (name, targetPort) in new[] { ("openssl s_server, TLS 1.0–1.3", port), ("BouncyCastle legacy, TLS 1.0–1.2 + 3DES", legacy.Port) })
            {
                report.AppendLine(await MeasureAsync(name, targetPort, runs, cancellationToken));
            }

            return report.ToString();
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync(cancellationToken);
            Directory.Delete(directory, true);
        }
    }

    private static async Task<string> MeasureAsync(string name, int port, int runs, CancellationToken cancellationToken)
    {
        var prober = new TlsProber(new AddressPolicy(true), new TlsProberOptions(), TimeProvider.System);
        var origin = new Uri($"https://127.0.0.1:{port}/");
        var ours = new List<double>();
        var theirs = new List<double>();
        var probes = new List<int>();
        var equal = true;
        var differences = new List<string>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var assessment = await prober.AssessAsync(origin, cancellationToken);
            ours.Add(clock.Elapsed.TotalSeconds);
            probes.Add(assessment.ProbesSent);

            var json = Path.Combine(Path.GetTempPath(), $"rampart-bench-testssl-{Guid.NewGuid():N}.json");
            clock.Restart();
            await RunToEndAsync("testssl", ["--jsonfile", json, "-p", "-E", "--warnings", "off", "--quiet", "--color", "0", "--ip", "127.0.0.1", $"127.0.0.1:{port}"], cancellationToken);
            theirs.Add(clock.Elapsed.TotalSeconds);
            var verdicts = TestSslVerdicts(await File.ReadAllTextAsync(json, cancellationToken));
            File.Delete(json);
            var mine = assessment.Versions.ToDictionary(v => v.Version, v => Describe(v.Status == ProbeStatus.Accepted, v.Suites.Select(s => s.Code)));
            foreach (var version in mine.Keys)
            {
                if (mine[version] != verdicts.GetValueOrDefault(version, "(no verdict)"))
                {
                    equal = false;
                    differences.Add($"{TlsVersionWire.Name(version)}: {mine[version]} vs {verdicts.GetValueOrDefault(version)}");
                }
            }
        }

        if (!equal)
        {
            Console.Error.WriteLine($"{name}: verdicts differ: {string.Join("; ", differences.Distinct())}");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Median(ours):0.00} s ({ours.Min():0.00}–{ours.Max():0.00}) | {Median(theirs):0.00} s ({theirs.Min():0.00}–{theirs.Max():0.00}) | " +
            $"**{Median(theirs) / Median(ours):0}×** | {Median(probes.Select(p => (double)p).ToList()):0} | {(equal ? "yes" : "no")} |");
    }

    /// <summary>"offered: 0x002F 0xC013" or "not offered", per version, from testssl.sh's JSON (SSL 2.0 specs left out).</summary>
    private static Dictionary<TlsVersion, string> TestSslVerdicts(string json)
    {
        var protocolIds = new Dictionary<string, TlsVersion>
        {
            ["SSLv2"] = TlsVersion.Ssl2,
            ["SSLv3"] = TlsVersion.Ssl3,
            ["TLS1"] = TlsVersion.Tls10,
            ["TLS1_1"] = TlsVersion.Tls11,
            ["TLS1_2"] = TlsVersion.Tls12,
            ["TLS1_3"] = TlsVersion.Tls13,
        };
        var prefixes = new Dictionary<string, TlsVersion>
        {
            ["cipher-ssl3_x"] = TlsVersion.Ssl3,
            ["cipher-tls1_x"] = TlsVersion.Tls10,
            ["cipher-tls1_1_x"] = TlsVersion.Tls11,
            ["cipher-tls1_2_x"] = TlsVersion.Tls12,
            ["cipher-tls1_3_x"] = TlsVersion.Tls13,
        };
        var offered = new Dictionary<TlsVersion, bool>();
        var suites = protocolIds.Values.ToDictionary(v => v, _ => new List<ushort>());
        using var document = JsonDocument.Parse(json);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var id = item.GetProperty("id").GetString() ?? "";
            var finding = item.GetProperty("finding").GetString() ?? "";
            if (protocolIds.TryGetValue(id, out var version))
            {
                offered[version] = !finding.Contains("not offered", StringComparison.Ordinal) && finding.StartsWith("offered", StringComparison.Ordinal);
            }
            else if (prefixes.FirstOrDefault(p => id.StartsWith(p.Key, StringComparison.Ordinal)) is { Key: not null } prefix)
            {
                suites[prefix.Value].Add(ushort.Parse(id.AsSpan(prefix.Key.Length), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }

        return offered.ToDictionary(p => p.Key, p => Describe(p.Value, p.Key == TlsVersion.Ssl2 ? [] : suites[p.Key]));
    }

    private static string Describe(bool offered, IEnumerable<ushort> suites) =>
        offered ? "offered: " + string.Join(' ', suites.Order().Select(s => $"0x{s:X4}")) : "not offered";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task RunToEndAsync(string file, string[] arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await Task.WhenAll(output, errors);
    }
}
