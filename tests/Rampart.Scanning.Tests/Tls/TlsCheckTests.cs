using Rampart.Catalog;
using Rampart.DemoApps.Tls;
using Rampart.Scanning.Checks;
using Rampart.Scanning.Checks.Tls;
using Rampart.Scanning.Connect;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Rampart.Scanning.Tests.Support;
using Suites = Rampart.DemoApps.Tls.LegacyTlsSuites;

namespace Rampart.Scanning.Tests.Tls;

/// <summary>
/// RMP-TLS-001 and RMP-TLS-002 run as a scan runs them, on real servers: BouncyCastle for what OpenSSL 3 no longer
/// serves (TLS 1.0/1.1, 3DES), OpenSSL for a modern configuration.
/// </summary>
public sealed class TlsCheckTests(TestCertificate certificate) : IClassFixture<TestCertificate>
{
    private const string ModernSuites = "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305";

    [Fact]
    public async Task Tls10_and_tls11_fail_requirement_3_naming_each_protocol()
    {
        await using var server = LegacyTlsServerTests.Start(certificate, LegacyTlsOptions.LegacyWithWeakCiphers);

        var outcome = await RunAsync(new TlsProtocolCheck(), server.Origin);

        Verdict(outcome).Status.ShouldBe(RequirementStatus.Fail);
        var finding = outcome.Findings.ShouldHaveSingleItem();
        finding.Advisory.ShouldBeFalse();
        finding.RequirementId.ShouldBe("3");
        finding.Title.ShouldBe("Obsolete protocol accepted: TLS 1.0, TLS 1.1");
        finding.Evidence.ShouldContain("accepts TLS 1.0, TLS 1.1, TLS 1.2");
        finding.Evidence.ShouldContain("refuses SSL 2.0, SSL 3.0, TLS 1.3");
    }

    [Fact]
    public async Task A_tls11_only_server_fails_for_tls11_alone()
    {
        await using var server = LegacyTlsServerTests.Start(certificate,
            new LegacyTlsOptions([LegacyTlsVersion.Tls11], [Suites.EcdheRsaAes128CbcSha]));

        var outcome = await RunAsync(new TlsProtocolCheck(), server.Origin);

        Verdict(outcome).Status.ShouldBe(RequirementStatus.Fail);
        var finding = outcome.Findings.ShouldHaveSingleItem();
        finding.Title.ShouldBe("Obsolete protocol accepted: TLS 1.1");
        finding.Evidence.ShouldContain("accepts TLS 1.1;");
    }

    [Fact]
    public async Task Three_des_and_cbc_suites_are_advisory_findings_of_rmp_tls_002()
    {
        await using var server = LegacyTlsServerTests.Start(certificate, LegacyTlsOptions.LegacyWithWeakCiphers);

        var outcome = await RunAsync(new TlsCipherSuiteCheck(), server.Origin);

        var finding = outcome.Findings.ShouldHaveSingleItem();
        finding.Advisory.ShouldBeTrue();
        finding.RequirementId.ShouldBe("G3.1");
        finding.Evidence.ShouldContain("TLS 1.0 TLS_RSA_WITH_3DES_EDE_CBC_SHA (0x000A)");
        finding.Evidence.ShouldContain("TLS 1.2 TLS_RSA_WITH_3DES_EDE_CBC_SHA (0x000A)");
        finding.Evidence.ShouldContain("TLS 1.1 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA (0xC013)");
        finding.Evidence.ShouldContain("TLS 1.2 TLS_RSA_WITH_AES_256_CBC_SHA (0x0035)");

        // The two GCM suites are Mozilla intermediate: named nowhere.
        finding.Evidence.ShouldNotContain("GCM");

        // 5 non-intermediate suites in each of TLS 1.0, 1.1 and 1.2.
        finding.Title.ShouldBe("15 cipher suites outside Mozilla intermediate");
    }

    [Fact]
    public async Task A_bouncycastle_server_with_only_tls12_intermediate_suites_passes_both()
    {
        await using var server = LegacyTlsServerTests.Start(certificate, new LegacyTlsOptions([LegacyTlsVersion.Tls12],
            [Suites.EcdheRsaAes128GcmSha256, Suites.EcdheRsaAes256GcmSha384]));

        var protocols = await RunAsync(new TlsProtocolCheck(), server.Origin);
        var suites = await RunAsync(new TlsCipherSuiteCheck(), server.Origin);

        Verdict(protocols).Status.ShouldBe(RequirementStatus.Pass, Verdict(protocols).Reason);
        protocols.Findings.ShouldBeEmpty();
        Verdict(suites).Status.ShouldBe(RequirementStatus.Pass, Verdict(suites).Reason);
        suites.Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_modern_openssl_server_passes_both()
    {
        await using var server = await OpenSslServer.StartAsync(certificate, "-no_tls1", "-no_tls1_1", "-cipher", ModernSuites);

        var protocols = await RunAsync(new TlsProtocolCheck(), server.Origin);
        var suites = await RunAsync(new TlsCipherSuiteCheck(), server.Origin);

        Verdict(protocols).Status.ShouldBe(RequirementStatus.Pass, Verdict(protocols).Reason);
        Verdict(suites).Status.ShouldBe(RequirementStatus.Pass, Verdict(suites).Reason);
        (protocols.Findings.Count + suites.Findings.Count).ShouldBe(0);
    }

    [Fact]
    public async Task A_host_that_answers_garbage_is_an_error_never_a_pass()
    {
        await using var server = new HostileTlsServer("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray());

        var outcome = await RunAsync(new TlsProtocolCheck(), server.Origin);

        Verdict(outcome).Status.ShouldBe(RequirementStatus.Error);
        Verdict(outcome).Reason.ShouldNotBeNull().ShouldContain("TLS 1.2 probe failed");
    }

    /// <summary>A TLS probe is a request of the scan: --timeout bounds it, not a fixed 10 s (issue 12, defect 6).</summary>
    [Fact]
    public async Task A_silent_host_ends_each_probe_at_the_scans_request_timeout()
    {
        await using var server = new HostileTlsServer([0x16, 0x03], holdOpen: true);

        var outcome = await RunAsync(new TlsProtocolCheck(), server.Origin, TestScan.LoopbackOptions with { RequestTimeout = TimeSpan.FromSeconds(2) });

        Verdict(outcome).Status.ShouldBe(RequirementStatus.Error);
        Verdict(outcome).Reason.ShouldNotBeNull().ShouldContain("no complete reply within 2 s");
    }

    private static async Task<CheckOutcome> RunAsync(ICheck check, Uri origin, ScanOptions? options = null)
    {
        var descriptor = new ConnectDescriptor(new Uri(origin, "atlassian-connect.json"), "tls-test", "TLS test", origin, "jwt",
            SignedInstall: true, ContextQsh: true, ["READ"], [], []);
        using var client = TestScan.Client();
        var context = new ScanContext(AppKind.Connect, "tls-test", descriptor, options ?? TestScan.LoopbackOptions, client, TimeProvider.System);
        return await check.RunAsync(context, TestTimeout.Token);
    }

    private static RequirementVerdict Verdict(CheckOutcome outcome) => outcome.Verdicts.ShouldHaveSingleItem();
}
