using System.Diagnostics;
using System.Text.Json;

namespace Rampart.Scanning.Tests.Tls;

/// <summary>Runs testssl.sh (protocols and per-cipher checks) against a loopback server and reads its JSON verdicts.</summary>
public static class TestSsl
{
    public static string? Path { get; } = new[] { "/usr/bin/testssl", "/usr/bin/testssl.sh", "/usr/local/bin/testssl.sh" }.FirstOrDefault(File.Exists);

    public static readonly IReadOnlyDictionary<string, Rampart.Scanning.Tls.TlsVersion> ProtocolIds = new Dictionary<string, Rampart.Scanning.Tls.TlsVersion>
    {
        ["SSLv2"] = Rampart.Scanning.Tls.TlsVersion.Ssl2,
        ["SSLv3"] = Rampart.Scanning.Tls.TlsVersion.Ssl3,
        ["TLS1"] = Rampart.Scanning.Tls.TlsVersion.Tls10,
        ["TLS1_1"] = Rampart.Scanning.Tls.TlsVersion.Tls11,
        ["TLS1_2"] = Rampart.Scanning.Tls.TlsVersion.Tls12,
        ["TLS1_3"] = Rampart.Scanning.Tls.TlsVersion.Tls13,
    };

    /// <summary>Accepted protocols and accepted suite codes (testssl's <c>-e</c> reports suites across all versions).</summary>
    public static async Task<(IReadOnlySet<Rampart.Scanning.Tls.TlsVersion> Protocols, IReadOnlySet<ushort> Suites)> RunAsync(int port,
        CancellationToken cancellationToken)
    {
        var json = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rampart-testssl-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("testssl.sh is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--jsonfile", json, "-p", "-e", "--warnings", "off", "--quiet", "--color", "0", "--ip", "127.0.0.1", $"127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("testssl.sh did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await Task.WhenAll(output, errors);
        try
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json, cancellationToken));
            var protocols = new HashSet<Rampart.Scanning.Tls.TlsVersion>();
            var suites = new HashSet<ushort>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var id = item.GetProperty("id").GetString() ?? "";
                var finding = item.GetProperty("finding").GetString() ?? "";
                if (ProtocolIds.TryGetValue(id, out var version) && finding.StartsWith("offered", StringComparison.Ordinal))
                {
                    protocols.Add(version);
                }
                else if (id.StartsWith("cipher_x", StringComparison.Ordinal))
                {
                    suites.Add(Convert.ToUInt16(id["cipher_x".Length..], 16));
                }
            }

            return (protocols, suites);
        }
        finally
        {
            File.Delete(json);
        }
    }
}
