using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Rampart.Scanning.Tests.Support;

namespace Rampart.Scanning.Tests.EndToEnd;

/// <summary>
/// Each demo app scanned with the full battery reports exactly its deliberate flaws: the failed requirements and
/// the checks that raised blocking findings are asserted as whole sets, so an extra finding fails as surely as a
/// missing one.
/// </summary>
public sealed class DemoAppScanTests(DemoFleetFixture fleet) : IClassFixture<DemoFleetFixture>
{
    public static TheoryData<string, string[], string[]> Expectations => new()
    {
        { "secure-app", [], [] },
        { "leaky-app", ["1.1", "1.4", "3", "5", "7.2", "7.3", "7.4"], ["RMP-AUTH-001", "RMP-AUTH-004", "RMP-SECRET-001", "RMP-HDR-001", "RMP-HDR-002", "RMP-HDR-003", "RMP-HSTS-001"] },
        { "forgeable-app", ["1.1"], ["RMP-AUTH-001", "RMP-AUTH-002"] },
        { "lenient-jwt-app", ["1.1"], ["RMP-AUTH-002"] },
        { "open-install-app", ["1.4"], ["RMP-AUTH-003"] },
        { "broken-authz-app", ["1.2", "7.2"], ["RMP-AUTHZ-001", "RMP-HDR-001"] },
        { "busy-app", [], [] },
        { "weak-hsts-app", ["3"], ["RMP-HSTS-001"] },
        { "static-site", [], [] },
        { "secret-page-app", ["5"], ["RMP-CONTENT-001"] },
        { "token-collector-app", ["10"], ["RMP-CONTENT-002"] },
        // G3.1 is the guideline of RMP-TLS-002: listed as failed, but advisory (not blocking, HasFailures ignores it).
        { "legacy-tls-app", ["3", "G3.1"], ["RMP-TLS-001"] },
        { "expired-cert-app", ["6.2"], ["RMP-CERT-001"] },
        { "wrong-host-cert-app", ["6.2"], ["RMP-CERT-001"] },
        { "expiring-cert-app", [], [] },
        { "dangling-dns-app", ["6.3"], ["RMP-DNS-002"] },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public async Task Reports_exactly_the_deliberate_flaws(string app, string[] failedRequirements, string[] failingChecks)
    {
        var report = await fleet.FullScanAsync(app);

        report.Requirements.Where(r => r.Status == RequirementStatus.Fail).Select(r => r.Id).Order()
            .ShouldBe(failedRequirements.Order(), customMessage: Describe(report));
        report.Findings.Where(f => !f.Advisory).Select(f => f.CheckId).Distinct().Order()
            .ShouldBe(failingChecks.Order(), customMessage: Describe(report));
        report.HasFailures.ShouldBe(failedRequirements.Length > 0);
    }

    [Fact]
    public async Task The_unauthenticated_page_is_the_only_authentication_finding_of_the_leaky_app()
    {
        var report = await fleet.FullScanAsync("leaky-app");

        Paths(report, "RMP-AUTH-001").ShouldBe(["/pages/report"]);
        report.Findings.Single(f => f.CheckId == "RMP-AUTH-001" && !f.Advisory).Evidence.ShouldContain("tenant data");
    }

    [Fact]
    public async Task The_lenient_app_is_told_which_validations_are_missing()
    {
        var report = await fleet.FullScanAsync("lenient-jwt-app");

        var finding = report.Findings.First(f => f.CheckId == "RMP-AUTH-002" && new Uri(f.Location).AbsolutePath == "/pages/report");
        finding.Title.ShouldContain("exp not checked");
        finding.Title.ShouldContain("qsh not checked");
        finding.Title.ShouldContain("iss not checked");
        finding.Title.ShouldNotContain("signature not verified");
    }

    [Fact]
    public async Task Forged_installs_are_caught_on_both_install_callbacks_only()
    {
        var report = await fleet.FullScanAsync("open-install-app");

        Paths(report, "RMP-AUTH-003").ShouldBe(["/lifecycle/installed", "/lifecycle/uninstalled"]);
    }

    [Fact]
    public async Task Hsts_findings_say_which_responses_lack_it_or_carry_a_short_age()
    {
        var report = await fleet.FullScanAsync("weak-hsts-app");

        var findings = report.Findings.Where(f => f.CheckId == "RMP-HSTS-001" && !f.Advisory).ToList();
        var evidence = string.Join('\n', findings.Select(f => f.Evidence));
        evidence.ShouldContain("max-age=86400 is shorter than 31536000 seconds");
        evidence.ShouldContain("HTTP 401: no Strict-Transport-Security header");
        // The settings page redirects to the login page when no token is sent: the hop is judged too.
        findings.Single(f => new Uri(f.Location).AbsolutePath == "/pages/settings").Evidence.ShouldContain("HTTP 302: no Strict-Transport-Security header");
        report.Findings.Where(f => f.CheckId == "RMP-HSTS-001" && f.Advisory).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Missing_hsts_is_reported_on_every_url_and_a_secure_app_passes_3()
    {
        var leaky = await fleet.FullScanAsync("leaky-app");
        var secure = await fleet.FullScanAsync("secure-app");

        leaky.Findings.Where(f => f.CheckId == "RMP-HSTS-001" && !f.Advisory).ShouldAllBe(f => f.Evidence.Contains("no Strict-Transport-Security header"));
        secure.Findings.Where(f => f.CheckId == "RMP-HSTS-001").ShouldAllBe(f => f.Advisory);
    }

    [Fact]
    public async Task A_host_without_port_80_gets_advisory_information_not_an_error()
    {
        var report = await fleet.FullScanAsync("secure-app");

        var plain = report.Findings.Single(f => f.CheckId == "RMP-HSTS-001" && f.Advisory);
        plain.Location.ShouldStartWith("http://");
        plain.Evidence.ShouldContain("port 80");
        report.Requirements.Single(r => r.Id == "3").Status.ShouldNotBe(RequirementStatus.Error);
    }

    [Theory]
    [InlineData("expired-cert-app", "expired on")]
    [InlineData("wrong-host-cert-app", "the certificate does not name 127.0.0.1 (names: wrong-host.rampart-demo.test)")]
    public async Task A_bad_certificate_on_the_extra_host_fails_6_2_there_only(string key, string evidence)
    {
        var app = fleet.Apps[key];
        var report = await fleet.FullScanAsync(key);

        var finding = report.Findings.Where(f => f.CheckId == "RMP-CERT-001" && !f.Advisory).ShouldHaveSingleItem();
        finding.Location.ShouldBe(app.ExtraHostUrl!.ToString());
        finding.Evidence.ShouldContain(evidence);
        report.Requirements.Where(r => r.Status == RequirementStatus.Error).ShouldBeEmpty(Describe(report));
    }

    [Fact]
    public async Task A_certificate_expiring_within_30_days_is_advisory_and_a_normal_one_is_not_reported()
    {
        var expiring = await fleet.FullScanAsync("expiring-cert-app");
        var secure = await fleet.FullScanAsync("secure-app");

        var advisory = expiring.Findings.Where(f => f.CheckId == "RMP-CERT-001").ShouldHaveSingleItem();
        advisory.Advisory.ShouldBeTrue();
        advisory.Location.ShouldBe(fleet.Apps["expiring-cert-app"].ExtraHostUrl!.ToString());
        expiring.Requirements.Single(r => r.Id == "6.2").Status.ShouldBe(RequirementStatus.Pass);
        secure.Findings.Where(f => f.CheckId == "RMP-CERT-001").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_zone_delegated_to_a_name_server_that_does_not_exist_fails_6_3_and_the_host_still_resolves()
    {
        var report = await fleet.FullScanAsync("dangling-dns-app");

        var finding = report.Findings.Where(f => f.CheckId == "RMP-DNS-002").ShouldHaveSingleItem();
        finding.Title.ShouldBe("Zone dangling-dns-app.rampart-demo.test is delegated to a name server that does not exist (ns1.lapsed-dns-provider.test)");
        report.Requirements.Single(r => r.Id == "6.1").Status.ShouldBe(RequirementStatus.Pass, Describe(report));
        report.Requirements.Single(r => r.Id == "1.1").Status.ShouldBe(RequirementStatus.Pass, "the app is reached through its DNS name");
        report.Requirements.Where(r => r.Status == RequirementStatus.Error).ShouldBeEmpty(Describe(report));
    }

    [Fact]
    public async Task The_legacy_tls_host_fails_3_and_gets_the_cipher_advisory_while_the_app_host_passes()
    {
        var app = fleet.Apps["legacy-tls-app"];
        var report = await fleet.FullScanAsync("legacy-tls-app");
        var legacy = app.LegacyTlsOrigin.ShouldNotBeNull().ToString();

        var protocol = report.Findings.Where(f => f.CheckId == "RMP-TLS-001").ShouldHaveSingleItem();
        protocol.Location.ShouldBe(legacy);
        protocol.Title.ShouldBe("Obsolete protocol accepted: TLS 1.0, TLS 1.1");
        var suites = report.Findings.Where(f => f.CheckId == "RMP-TLS-002").ShouldHaveSingleItem();
        suites.Advisory.ShouldBeTrue();
        suites.Location.ShouldBe(legacy);
        suites.Evidence.ShouldContain("TLS_RSA_WITH_3DES_EDE_CBC_SHA (0x000A)");
        report.Requirements.Single(r => r.Id == "G3.1").Guideline.ShouldBeTrue();

        // The same page through the legacy host is served by the same app: nothing else differs from the secure app.
        report.Requirements.Single(r => r.Id == "6.2").Status.ShouldBe(RequirementStatus.Pass, Describe(report));
        report.Requirements.Single(r => r.Id == "1.1").Status.ShouldBe(RequirementStatus.Pass, Describe(report));
    }

    [Fact]
    public async Task No_other_demo_app_has_a_tls_finding()
    {
        foreach (var key in fleet.Apps.Keys.Where(k => k != "legacy-tls-app"))
        {
            var report = await fleet.FullScanAsync(key);
            report.Findings.Where(f => f.CheckId.StartsWith("RMP-TLS-", StringComparison.Ordinal)).ShouldBeEmpty(key);
        }
    }

    [Fact]
    public async Task A_rate_limited_endpoint_is_an_error_never_protected()
    {
        var report = await fleet.FullScanAsync("busy-app");

        var authentication = report.Requirements.Single(r => r.Id == "1.1");
        authentication.Status.ShouldBe(RequirementStatus.Error);
        authentication.Reason.ShouldNotBeNull().ShouldContain("/pages/busy");
        authentication.Reason.ShouldContain("429");
    }

    [Fact]
    public async Task A_static_site_without_authentication_is_not_applicable_for_1_1()
    {
        var report = await fleet.FullScanAsync("static-site");

        var authentication = report.Requirements.Single(r => r.Id == "1.1");
        authentication.Status.ShouldBe(RequirementStatus.NotApplicable);
        authentication.Reason.ShouldNotBeNull().ShouldContain("static content only");
    }

    [Fact]
    public async Task Requirements_no_check_covers_yet_are_manual_never_pass()
    {
        var report = await fleet.FullScanAsync("secure-app");

        foreach (var id in new[] { "6.1", "6.3", "2", "11" })
        {
            report.Requirements.Single(r => r.Id == id).Status.ShouldBe(RequirementStatus.Manual, $"requirement {id}");
        }

        report.Requirements.Single(r => r.Id == "1.1").Status.ShouldBe(RequirementStatus.Pass);
        report.Requirements.Single(r => r.Id == "6.2").Status.ShouldBe(RequirementStatus.Pass, "the demo CA is trusted with --trust-ca");
        report.Requirements.Single(r => r.Id == "1.2").Status.ShouldBe(RequirementStatus.Pass);
        report.Requirements.Single(r => r.Id == "1.4").Status.ShouldBe(RequirementStatus.Pass);

        // Served content is now verified: the secure app's look-alikes (CSRF token, example AWS key, OAuth link) pass.
        report.Requirements.Single(r => r.Id == "5").Status.ShouldBe(RequirementStatus.Pass, Describe(report));
        report.Requirements.Single(r => r.Id == "10").Status.ShouldBe(RequirementStatus.Pass, Describe(report));
    }

    [Fact]
    public async Task Elevated_scopes_make_requirement_4_manual_with_advisory_findings()
    {
        var report = await fleet.FullScanAsync("leaky-app");

        report.Requirements.Single(r => r.Id == "4").Status.ShouldBe(RequirementStatus.Manual);
        report.Findings.Where(f => f.CheckId == "RMP-SCOPE-001").ShouldAllBe(f => f.Advisory);
        report.Findings.Where(f => f.CheckId == "RMP-SCOPE-001").Select(f => f.Location).Order()
            .ShouldBe(["$.scopes[ACT_AS_USER]", "$.scopes[ADMIN]"]);
    }

    [Fact]
    public async Task Secrets_in_the_descriptor_are_reported_redacted()
    {
        var report = await fleet.FullScanAsync("leaky-app");

        var secrets = report.Findings.Where(f => f.CheckId == "RMP-SECRET-001").ToList();
        secrets.Select(f => f.Title).ShouldContain(t => t.Contains("query string", StringComparison.Ordinal));
        secrets.Select(f => f.Title).ShouldContain(t => t.Contains("AWS", StringComparison.Ordinal));
        secrets.ShouldAllBe(f => f.Evidence.Contains('*'));
    }

    [Fact]
    public async Task Findings_have_stable_fingerprints_across_scans()
    {
        var app = fleet.Apps["broken-authz-app"];
        var first = await fleet.FullScanAsync("broken-authz-app");
        var second = await fleet.ScanAsync(app, fleet.FullOptions(app));

        second.Findings.Select(f => f.Fingerprint).Order().ShouldBe(first.Findings.Select(f => f.Fingerprint).Order());
    }

    internal static IEnumerable<string> Paths(ScanReport report, string checkId) =>
        report.Findings.Where(f => f.CheckId == checkId && !f.Advisory).Select(f => new Uri(f.Location).AbsolutePath).Order();

    internal static string Describe(ScanReport report) =>
        string.Join('\n', report.Requirements.Select(r => $"{r.Id} {r.Status}: {r.Reason}")
            .Concat(report.Findings.Where(f => !f.Advisory).Select(f => $"{f.CheckId} {f.Location}: {f.Title}")));
}
