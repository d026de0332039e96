using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Rampart.Scanning.Http;
using Rampart.Scanning.Tls;

namespace Rampart.Bench;

/// <summary>
/// Full TLS assessment (protocols and cipher enumeration) of one loopback openssl s_server, by Rampart and by
/// testssl.sh (<c>-p -e</c>) in the same run on the same server.
/// </summary>
public static class TlsBenchmark
{
    public static async Task<string> RunAsync(CancellationToken cancellationToken)
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
            ["s_server", "-accept", $"127.0.0.1:{port}", "-cert", cert, "-key", key, "-www", "-quiet",
             "-cipher", "ECDHE-RSA-AES128-SHA:AES256-SHA:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:@SECLEVEL=0"])
        { RedirectStandardOutput = true, RedirectStandardError = true }) ?? throw new InvalidOperationException("openssl did not start");
        try
        {
            await Task.Delay(500, cancellationToken);
            var prober = new TlsProber(new AddressPolicy(true), new TlsProberOptions(), TimeProvider.System);
            var clock = Stopwatch.StartNew();
            var assessment = await prober.AssessAsync(new Uri($"https://127.0.0.1:{port}/"), cancellationToken);
            var rampart = clock.Elapsed;
            clock.Restart();
            await RunToEndAsync("testssl", ["-p", "-e", "--warnings", "off", "--quiet", "--color", "0", "--ip", "127.0.0.1", $"127.0.0.1:{port}"], cancellationToken);
            var testssl = clock.Elapsed;
            return string.Create(CultureInfo.InvariantCulture,
                $"""
                | Tool | Wall time | Probes sent |
                |---|---|---|
                | Rampart | {rampart.TotalSeconds:0.00} s | {assessment.ProbesSent} |
                | testssl.sh `-p -e` | {testssl.TotalSeconds:0.00} s | n/a |

                Ratio testssl.sh / Rampart: {testssl / rampart:0.0}x. Accepted: {string.Join(", ", assessment.Accepted.Select(TlsVersionWire.Name))}; suites: {assessment.Versions.Sum(v => v.Suites.Count)} (version, suite) pairs.
                """);
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync(cancellationToken);
            Directory.Delete(directory, true);
        }
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
