using Rampart.DemoApps.Tls;
using Rampart.Scanning.Tests.Support;
using Rampart.Scanning.Tls;
using Suites = Rampart.DemoApps.Tls.LegacyTlsSuites;

namespace Rampart.Scanning.Tests.Tls;

/// <summary>
/// Rampart's verdicts equal testssl.sh's on the same real servers, protocol by protocol: whether each of SSL 2.0 …
/// TLS 1.3 is offered, and the exact suite list under each. OpenSSL serves the modern and mixed configurations,
/// BouncyCastle the legacy ones OpenSSL 3 cannot (TLS 1.0/1.1 with 3DES).
/// </summary>
public sealed class TestSslComparisonTests(TestCertificate certificate) : IClassFixture<TestCertificate>
{
    public static TheoryData<string[]> OpenSslServers => new()
    {
        new[] { "-no_tls1_3", "-cipher", "ECDHE-RSA-AES128-SHA:AES256-SHA:ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA:@SECLEVEL=0" },
        new[] { "-cipher", "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305", "-ciphersuites", "TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256" },
    };

    public static TheoryData<string> LegacyServers => new() { "legacy-with-weak-ciphers", "tls10-3des-only" };

    [RequiresTestSslTheory]
    [MemberData(nameof(OpenSslServers))]
    public async Task OpenSsl_server_verdicts_equal_testssl_per_version(string[] options)
    {
        await using var server = await OpenSslServer.StartAsync(certificate, options);

        await CompareAsync(server.Origin, server.Port);
    }

    [RequiresTestSslTheory]
    [MemberData(nameof(LegacyServers))]
    public async Task BouncyCastle_legacy_server_verdicts_equal_testssl_per_version(string configuration)
    {
        await using var server = LegacyTlsServerTests.Start(certificate, Legacy(configuration));

        await CompareAsync(server.Origin, server.Port);
    }

    internal static LegacyTlsOptions Legacy(string configuration) => configuration switch
    {
        "legacy-with-weak-ciphers" => LegacyTlsOptions.LegacyWithWeakCiphers,
        "tls10-3des-only" => new LegacyTlsOptions([LegacyTlsVersion.Tls10], [Suites.Rsa3DesEdeCbcSha, Suites.EcdheRsa3DesEdeCbcSha]),
        _ => throw new ArgumentOutOfRangeException(nameof(configuration), configuration, null),
    };

    private static async Task CompareAsync(Uri origin, int port)
    {
        var rampart = await TlsProberTests.Prober().AssessAsync(origin, TestTimeout.Token);
        var testssl = await TestSsl.RunAsync(port, TestTimeout.Token);

        var differences = new List<string>();
        foreach (var version in TlsVersionWire.All)
        {
            var ours = rampart.Versions.Single(v => v.Version == version);
            var theirs = testssl.Protocols.GetValueOrDefault(version, "(no verdict)");
            // "not offered", or "TLSv1.1 is not offered, and downgraded to a weaker protocol" when the server answered
            // with an older version (Rampart's "server answered with version 0x0301"); "offered" or "offered (deprecated)".
            var theirsRefused = theirs.Contains("not offered", StringComparison.Ordinal);
            var theirsOffered = !theirsRefused && theirs.StartsWith("offered", StringComparison.Ordinal);
            if (!(ours.Status == ProbeStatus.Accepted && theirsOffered) && !(ours.Status == ProbeStatus.Rejected && theirsRefused))
            {
                differences.Add($"{TlsVersionWire.Name(version)}: Rampart {ours.Status} ({ours.Detail}), testssl.sh '{theirs}'");
            }

            if (version == TlsVersion.Ssl2)
            {
                continue;
            }

            var ourSuites = ours.Suites.Select(s => s.Code).Order().ToList();
            var theirSuites = testssl.SuitesFor(version).Order().ToList();
            if (!ourSuites.SequenceEqual(theirSuites))
            {
                differences.Add($"{TlsVersionWire.Name(version)} suites: Rampart [{Hex(ourSuites)}], testssl.sh [{Hex(theirSuites)}]");
            }
        }

        differences.ShouldBeEmpty(string.Join('\n', differences));
    }

    private static string Hex(IEnumerable<ushort> codes) => string.Join(' ', codes.Select(c => $"{c:X4}"));
}
