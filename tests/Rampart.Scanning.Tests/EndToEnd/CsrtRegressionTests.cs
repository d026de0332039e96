using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Rampart.Scanning.Tests.Support;

namespace Rampart.Scanning.Tests.EndToEnd;

/// <summary>
/// CSRT's known false positives and false negatives (csrt-fsrt.md §1.10, items 1–6), each a regression case on a
/// real demo app.
/// </summary>
public sealed class CsrtRegressionTests(DemoFleetFixture fleet) : IClassFixture<DemoFleetFixture>
{
    [Fact]
    public async Task Item1_headers_of_refused_responses_are_checked_too()
    {
        var report = await fleet.FullScanAsync("leaky-app");

        // /admin/config only ever answered 401/403 to the scan: CSRT never looks at it.
        var cache = report.Findings.Single(f => f.CheckId == "RMP-HDR-002" && new Uri(f.Location).AbsolutePath == "/admin/config");
        cache.Evidence.ShouldContain("HTTP 401");
        report.Findings.ShouldContain(f => f.CheckId == "RMP-HDR-001" && f.Evidence.Contains("(redirect)"));
    }

    [Fact]
    public async Task Item2_a_served_page_mentioning_errors_is_still_unprotected()
    {
        var app = fleet.Apps["leaky-app"];
        var report = await fleet.FullScanAsync("leaky-app");

        using var http = DemoHttp.Client(fleet.Authority);
        var body = await http.GetStringAsync(new Uri(app.BaseUrl, "pages/report"), TestTimeout.Token);
        body.ShouldContain("error", Case.Insensitive);
        report.Findings.ShouldContain(f => f.CheckId == "RMP-AUTH-001" && f.Location.EndsWith("/pages/report", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Item3_static_pages_login_redirects_and_third_party_urls_are_not_failures()
    {
        var report = await fleet.FullScanAsync("secure-app");

        report.Findings.ShouldContain(f => f.Advisory && f.CheckId == "RMP-AUTH-001" && f.Location.EndsWith("/static/help.html", StringComparison.Ordinal));
        report.Findings.ShouldNotContain(f => !f.Advisory && f.Location.Contains("/pages/settings", StringComparison.Ordinal));
        report.Findings.ShouldNotContain(f => f.Location.Contains("docs.example.org", StringComparison.Ordinal));
        report.Requirements.Single(r => r.Id == "1.1").Reason.ShouldNotBeNull().ShouldNotContain("docs.example.org");
    }

    [Fact]
    public async Task Item3_a_429_is_never_counted_as_protected()
    {
        var report = await fleet.FullScanAsync("busy-app");

        report.Requirements.Single(r => r.Id == "1.1").Status.ShouldBe(RequirementStatus.Error);
    }

    [Fact]
    public async Task Item4_a_page_named_install_is_not_a_lifecycle_callback()
    {
        var app = fleet.Apps["open-install-app"];
        var report = await fleet.FullScanAsync("open-install-app");

        report.Findings.ShouldNotContain(f => f.CheckId == "RMP-AUTH-003" && f.Location.Contains("install-guide", StringComparison.Ordinal));
        // It was probed as a page: GET without a token, under 1.1.
        app.Requests.ShouldContain(r => r.Method == "GET" && r.PathAndQuery == "/install-guide" && !r.HadAuthorization);
    }

    [Fact]
    public async Task Item5_only_modules_that_carry_the_admin_condition_are_admin()
    {
        var report = await fleet.FullScanAsync("broken-authz-app");

        DemoAppScanTests.Paths(report, "RMP-AUTHZ-001").ShouldBe(["/admin/config", "/admin/configure", "/admin/tools"]);
    }

    [Fact]
    public async Task Item6_templates_are_filled_without_swallowing_path_segments()
    {
        var app = fleet.Apps["secure-app"];
        await fleet.FullScanAsync("secure-app");

        app.Requests.ShouldContain(r => r.PathAndQuery.StartsWith("/issue/test/view/test", StringComparison.Ordinal));
        app.Requests.ShouldNotContain(r => r.PathAndQuery == "/issue/test");
    }

    [Fact]
    public async Task No_session_cookie_of_any_name_escapes_the_cookie_check()
    {
        var report = await fleet.FullScanAsync("leaky-app");

        report.Findings.Where(f => f.CheckId == "RMP-HDR-003").ShouldAllBe(f => f.Evidence.Contains("connect.sid"));
        report.Findings.Count(f => f.CheckId == "RMP-HDR-003").ShouldBeGreaterThan(0);
    }
}
