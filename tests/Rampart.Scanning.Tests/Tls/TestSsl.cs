using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Rampart.Scanning.Tls;

namespace Rampart.Scanning.Tests.Tls;

/// <summary>
/// Runs testssl.sh — protocols (<c>-p</c>) and ciphers per protocol (<c>-E</c>) — against a loopback server and reads
/// its JSON verdicts per protocol version.
/// </summary>
public static class TestSsl
{
    public static string? Path { get; } = new[] { "/usr/bin/testssl", "/usr/bin/testssl.sh", "/usr/local/bin/testssl.sh" }.FirstOrDefault(File.Exists);

    /// <summary>The <c>id</c> testssl.sh gives each protocol in <c>-p</c>.</summary>
    public static readonly IReadOnlyDictionary<string, TlsVersion> ProtocolIds = new Dictionary<string, TlsVersion>
    {
        ["SSLv2"] = TlsVersion.Ssl2,
        ["SSLv3"] = TlsVersion.Ssl3,
        ["TLS1"] = TlsVersion.Tls10,
        ["TLS1_1"] = TlsVersion.Tls11,
        ["TLS1_2"] = TlsVersion.Tls12,
        ["TLS1_3"] = TlsVersion.Tls13,
    };

    /// <summary>The protocol part of <c>-E</c>'s ids: <c>cipher-tls1_1_xc013</c> is 0xC013 under TLS 1.1.</summary>
    private static readonly IReadOnlyDictionary<string, TlsVersion> CipherPrefixes = new Dictionary<string, TlsVersion>
    {
        ["cipher-ssl2_"] = TlsVersion.Ssl2,
        ["cipher-ssl3_"] = TlsVersion.Ssl3,
        ["cipher-tls1_"] = TlsVersion.Tls10,
        ["cipher-tls1_1_"] = TlsVersion.Tls11,
        ["cipher-tls1_2_"] = TlsVersion.Tls12,
        ["cipher-tls1_3_"] = TlsVersion.Tls13,
    };

    public static async Task<TestSslVerdicts> RunAsync(int port, CancellationToken cancellationToken)
    {
        var json = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rampart-testssl-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("testssl.sh is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--jsonfile", json, "-p", "-E", "--warnings", "off", "--quiet", "--color", "0", "--ip", "127.0.0.1", $"127.0.0.1:{port}" })
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
            return Parse(await File.ReadAllTextAsync(json, cancellationToken));
        }
        finally
        {
            File.Delete(json);
        }
    }

    /// <summary>Protocol findings verbatim (<c>offered</c>, <c>not offered</c>, …) and suites seen per protocol.</summary>
    public static TestSslVerdicts Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var protocols = new Dictionary<TlsVersion, string>();
        var suites = new Dictionary<TlsVersion, SortedSet<ushort>>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var id = item.GetProperty("id").GetString() ?? "";
            var finding = item.GetProperty("finding").GetString() ?? "";
            if (ProtocolIds.TryGetValue(id, out var version))
            {
                protocols[version] = finding;
                continue;
            }

            // The longest matching prefix: "cipher-tls1_" is also the start of "cipher-tls1_2_".
            var prefix = CipherPrefixes.Keys.Where(p => id.StartsWith(p, StringComparison.Ordinal) && id.Length > p.Length + 1 && id[p.Length] == 'x')
                .MaxBy(p => p.Length);
            if (prefix is not null && CipherPrefixes[prefix] != TlsVersion.Ssl2)
            {
                var code = ushort.Parse(id.AsSpan(prefix.Length + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (!suites.TryGetValue(CipherPrefixes[prefix], out var set))
                {
                    suites[CipherPrefixes[prefix]] = set = [];
                }

                set.Add(code);
            }
        }

        return new TestSslVerdicts(protocols, suites.ToDictionary(p => p.Key, p => (IReadOnlySet<ushort>)p.Value));
    }
}

/// <param name="Protocols">testssl.sh's finding for each protocol id it reported.</param>
/// <param name="Suites">Suites it found available per protocol (SSL 2.0 left out: Rampart does not enumerate its specs).</param>
public sealed record TestSslVerdicts(IReadOnlyDictionary<TlsVersion, string> Protocols, IReadOnlyDictionary<TlsVersion, IReadOnlySet<ushort>> Suites)
{
    public IReadOnlySet<ushort> SuitesFor(TlsVersion version) => Suites.TryGetValue(version, out var set) ? set : new SortedSet<ushort>();
}
