using System.Security.Cryptography.X509Certificates;
using Rampart.Catalog;
using Rampart.Scanning.Checks;
using Rampart.Scanning.Checks.Certificates;
using Rampart.Scanning.Connect;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Rampart.Scanning.Tests.Dns;
using Rampart.Scanning.Tests.Support;

namespace Rampart.Scanning.Tests.Certificates;

/// <summary>
/// RMP-CERT-001 as a scan runs it: a real TLS server (openssl) presents a certificate made in the test, the host names
/// resolve through a real dnsmasq, and the check's verdict and findings are asserted, positive and negative.
/// </summary>
public sealed class CertificateScanTests(CertificateScanFixture fixture) : IClassFixture<CertificateScanFixture>
{
    private TestCertificateAuthority Ca => fixture.Authority;

    [RequiresDnsmasqFact]
    public async Task A_good_rsa_certificate_from_a_trusted_ca_passes()
    {
        var outcome = await ScanAsync(Ca.Issue(["www.certs.test"]), "www.certs.test");

        outcome.Verdicts.Single().Status.ShouldBe(RequirementStatus.Pass);
        outcome.Findings.ShouldBeEmpty();
    }

    [RequiresDnsmasqFact]
    public async Task An_ec_p256_certificate_passes()
    {
        var outcome = await ScanAsync(Ca.Issue(["www.certs.test"], ecP256: true), "www.certs.test");

        outcome.Verdicts.Single().Status.ShouldBe(RequirementStatus.Pass);
        outcome.Findings.ShouldBeEmpty();
    }

    [RequiresDnsmasqFact]
    public async Task The_same_ca_is_untrusted_without_trust_ca() =>
        Failure(await ScanAsync(Ca.Issue(["www.certs.test"]), "www.certs.test", trustCa: false)).ShouldContain("not trusted");

    [RequiresDnsmasqFact]
    public async Task A_self_signed_certificate_fails() =>
        Failure(await ScanAsync(Ca.Issue(["www.certs.test"], selfSigned: true), "www.certs.test")).ShouldContain("not trusted");

    [RequiresDnsmasqFact]
    public async Task An_expired_certificate_fails() =>
        Failure(await ScanAsync(Ca.Issue(["www.certs.test"], Ca.Now.AddDays(-90), Ca.Now.AddDays(-1)), "www.certs.test")).ShouldContain("expired on");

    [RequiresDnsmasqFact]
    public async Task A_certificate_not_yet_valid_fails() =>
        Failure(await ScanAsync(Ca.Issue(["www.certs.test"], Ca.Now.AddDays(2), Ca.Now.AddDays(200)), "www.certs.test")).ShouldContain("not valid before");

    [RequiresDnsmasqFact]
    public async Task Expiry_within_30_days_is_advisory_only()
    {
        var outcome = await ScanAsync(Ca.Issue(["www.certs.test"], notAfter: Ca.Now.AddDays(12)), "www.certs.test");

        outcome.Verdicts.Single().Status.ShouldBe(RequirementStatus.Pass);
        var finding = outcome.Findings.ShouldHaveSingleItem();
        finding.Advisory.ShouldBeTrue();
        finding.Title.ShouldBe("Server certificate expires soon");
        finding.Evidence.ShouldContain("day(s)");
    }

    [RequiresDnsmasqFact]
    public async Task Expiry_beyond_30_days_is_not_reported() =>
        (await ScanAsync(Ca.Issue(["www.certs.test"], notAfter: Ca.Now.AddDays(45)), "www.certs.test")).Findings.ShouldBeEmpty();

    [RequiresDnsmasqFact]
    public async Task A_certificate_for_another_host_fails() =>
        Failure(await ScanAsync(Ca.Issue(["other.certs.test"]), "www.certs.test")).ShouldContain("does not name www.certs.test (names: other.certs.test)");

    [RequiresDnsmasqFact]
    public async Task A_wildcard_covers_one_label_only_not_the_apex_and_not_two_labels()
    {
        await using var server = await OpenSslCertificateServer.StartAsync(Ca.Issue(["*.certs.test"]));

        var outcome = await RunAsync(true, server.Origin("a.certs.test"), server.Origin("certs.test"), server.Origin("a.b.certs.test"));

        outcome.Verdicts.Single().ShouldBe(new RequirementVerdict("6.2", RequirementStatus.Fail, "2 of 3 origin(s) present an invalid certificate"));
        outcome.Findings.Select(f => new Uri(f.Location).Host).Order().ShouldBe(["a.b.certs.test", "certs.test"]);
        outcome.Findings.ShouldAllBe(f => f.Evidence.Contains("(names: *.certs.test)"));
    }

    [RequiresDnsmasqFact]
    public async Task A_1024_bit_rsa_key_fails() =>
        Failure(await ScanAsync(Ca.Issue(["www.certs.test"], rsaBits: 1024), "www.certs.test")).ShouldBe("- RSA key of 1024 bits (at least 2048 needed)");

    [RequiresDnsmasqFact]
    public async Task A_sha1_signature_fails()
    {
        var evidence = Failure(await ScanAsync(Ca.IssueSha1("www.certs.test"), "www.certs.test"));

        evidence.ShouldContain("sha1RSA, a broken hash");
    }

    /// <summary>The failure lines of the single blocking finding (the first line names the certificate).</summary>
    private static string Failure(CheckOutcome outcome)
    {
        outcome.Verdicts.Single().Status.ShouldBe(RequirementStatus.Fail);
        var finding = outcome.Findings.Where(f => !f.Advisory).ShouldHaveSingleItem();
        finding.CheckId.ShouldBe(CertificateCheck.Id);
        finding.Title.ShouldBe("Server certificate is not valid");
        return string.Join('\n', finding.Evidence.Split('\n').Skip(1));
    }

    private async Task<CheckOutcome> ScanAsync(X509Certificate2 certificate, string host, bool trustCa = true)
    {
        using (certificate)
        {
            await using var server = await OpenSslCertificateServer.StartAsync(certificate);
            return await RunAsync(trustCa, server.Origin(host));
        }
    }

    private async Task<CheckOutcome> RunAsync(bool trustCa, params Uri[] origins)
    {
        var options = TestScan.LoopbackOptions with { DnsServer = fixture.Dns.Endpoint, TrustedCaFiles = trustCa ? [fixture.CaFile] : [] };
        var descriptor = new ConnectDescriptor(origins[0], "cert-test-app", "Certificate test app", origins[0], "jwt", true, true, [],
            origins.Select((o, i) => new ConnectEndpoint(o, o.ToString(), $"$.modules.generalPages[{i}].url", "generalPages", $"page-{i}",
                EndpointRole.Module, null, false, false, false)).ToList(), []);
        using var client = TestScan.Client(options);
        var context = new ScanContext(AppKind.Connect, descriptor.Key, descriptor, options, client, TimeProvider.System);
        return await new CertificateCheck().RunAsync(context, TestTimeout.Token);
    }
}
