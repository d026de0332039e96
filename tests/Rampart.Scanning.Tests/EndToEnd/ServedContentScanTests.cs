using Rampart.Catalog;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Rampart.Scanning.Tests.Support;

namespace Rampart.Scanning.Tests.EndToEnd;

/// <summary>
/// RMP-CONTENT-001/002 against the demo apps' real pages, script and source map: the planted secrets and credential
/// forms are found at their file and line, redacted; the secure app's look-alikes are not.
/// </summary>
public sealed class ServedContentScanTests(DemoFleetFixture fleet) : IClassFixture<DemoFleetFixture>
{
    // The demo's planted values (DemoContent); a finding must never show them whole.
    private const string GitHubToken = "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d";
    private const string SharedSecret = "KLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKd";
    private const string AwsSecret = "A/2O76UMFxFkM/R5Kjp1vRt+1fjORS/6ilI8ihN5";

    [Fact]
    public async Task Secrets_in_the_page_and_in_the_source_map_are_found_with_file_line_and_redacted_excerpt()
    {
        var report = await fleet.FullScanAsync("secret-page-app");
        var findings = report.Findings.Where(f => f.CheckId == "RMP-CONTENT-001").ToList();

        findings.Select(f => f.Location.Split('/', 4)[3]).Order().ToArray().ShouldBe(new[]
        {
            "assets/app.js.map map-source webpack://demo/src/config.ts:1 (github-token)",
            "pages/report:18 (connect-shared-secret)",
            "pages/report:19 (aws-secret-access-key)",
        }, customMessage: DemoAppScanTests.Describe(report));
        findings.ShouldAllBe(f => f.Evidence.Contains("line ") && f.Evidence.Contains("column ") && f.Evidence.Contains('*'));
        findings.ShouldAllBe(f => !f.Evidence.Contains(GitHubToken) && !f.Evidence.Contains(SharedSecret) && !f.Evidence.Contains(AwsSecret));
    }

    [Fact]
    public async Task An_api_token_form_its_link_and_basic_auth_in_the_script_are_credential_collection()
    {
        var report = await fleet.FullScanAsync("token-collector-app");
        var findings = report.Findings.Where(f => f.CheckId == "RMP-CONTENT-002").ToList();

        findings.Select(f => f.Location[(f.Location.LastIndexOf('(') + 1)..^1]).Order().ToArray().ShouldBe(
            new[] { "api-token-page-link", "basic-auth-btoa", "basic-auth-header", "password-input", "token-input", "token-label" },
            customMessage: DemoAppScanTests.Describe(report));
        findings.Where(f => f.Location.Contains("/pages/settings:", StringComparison.Ordinal)).Count().ShouldBe(4);
        findings.Where(f => f.Location.Contains("/assets/app.js:", StringComparison.Ordinal)).Count().ShouldBe(2);
        findings.ShouldAllBe(f => f.Severity == Severity.Critical);
    }

    [Fact]
    public async Task The_secure_apps_look_alikes_pass_after_its_script_and_map_were_read()
    {
        var report = await fleet.FullScanAsync("secure-app");

        report.Findings.ShouldNotContain(f => f.CheckId.StartsWith("RMP-CONTENT-", StringComparison.Ordinal));
        var secrets = report.Requirements.Single(r => r.Id == "5");
        secrets.Status.ShouldBe(RequirementStatus.Pass);
        secrets.Reason.ShouldNotBeNull().ShouldContain("1 script(s), 2 source-map source(s)");
    }

    [Fact]
    public async Task Without_a_valid_token_pages_stay_closed_and_content_is_manual_never_pass()
    {
        var app = fleet.Apps["secret-page-app"];

        var report = await fleet.ScanAsync(app, fleet.FullOptions(app) with { SharedSecret = null, ClientKey = null, UserJwt = null });

        foreach (var id in new[] { "5", "10" })
        {
            var requirement = report.Requirements.Single(r => r.Id == id);
            requirement.Status.ShouldNotBe(RequirementStatus.Pass, $"requirement {id}");
        }

        report.Requirements.Single(r => r.Id == "10").Reason.ShouldNotBeNull().ShouldContain("--shared-secret");
    }
}
