using System.Text.Json;
using System.Xml.Linq;
using Rampart.Catalog;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Tests.Reports;

/// <summary>
/// A scan where only a guideline fails passes (exit 0, <c>hasFailures: false</c>), so no format may say otherwise
/// (issue 11, defect 3: JUnit reported a failure and JUnit and Markdown said "Result: failed").
/// </summary>
public sealed class GuidelineOnlyReportTests
{
    private static ScanReport GuidelineOnly()
    {
        var started = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        return new ScanReport(
            ScanReport.CurrentSchemaVersion,
            new ToolInfo("rampart", "0.1.0"),
            new AppInfo("connect", "guideline-app", "Guideline app", "https://app.example.com", "https://app.example.com/atlassian-connect.json"),
            new CatalogInfo("2026", new DateOnly(2026, 10, 31)),
            started,
            started.AddSeconds(2),
            [
                new RequirementResult("3", "Send HSTS", RequirementStatus.Pass, null, ["RMP-HSTS-001"]),
                new RequirementResult("G1", "Send a Referrer-Policy", RequirementStatus.Fail, "Referrer-Policy missing", ["RMP-HDR-001"], Guideline: true),
            ],
            [
                new Finding("RMP-HDR-001", "G1", Severity.Low, "Referrer-Policy missing", "https://app.example.com/", "Referrer-Policy: (absent)",
                    Fingerprint.Compute("guideline-app", "RMP-HDR-001", "https://app.example.com/"), "Send Referrer-Policy: no-referrer.", Advisory: true),
            ],
            [],
            []);
    }

    [Fact]
    public void The_report_itself_has_no_failures()
    {
        GuidelineOnly().HasFailures.ShouldBeFalse();
    }

    [Fact]
    public async Task JUnit_has_no_failure_element_and_says_passed()
    {
        var xml = XDocument.Parse(await SampleReports.WriteAsync(new JUnitReportWriter(), GuidelineOnly()));

        xml.Descendants("failure").ShouldBeEmpty();
        ((string?)xml.Root!.Attribute("failures")).ShouldBe("0");
        xml.Descendants("property").Single(p => (string?)p.Attribute("name") == "rampart.verdict").Attribute("value")!.Value.ShouldBe("passed");
    }

    [Fact]
    public async Task Markdown_and_html_say_passed()
    {
        var markdown = await SampleReports.WriteAsync(new MarkdownReportWriter(), GuidelineOnly());
        var html = await SampleReports.WriteAsync(new HtmlReportWriter(), GuidelineOnly());

        markdown.ShouldContain("**Result: passed**");
        markdown.ShouldNotContain("Result: failed");
        html.ShouldContain("<strong>Result: passed");
        html.ShouldNotContain("Result: failed");
    }

    [Fact]
    public async Task Sarif_reports_the_guideline_as_a_note_not_an_error()
    {
        using var sarif = JsonDocument.Parse(await SampleReports.WriteAsync(new SarifReportWriter(), GuidelineOnly()));

        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        results.ShouldNotBeEmpty();
        results.ShouldAllBe(r => r.GetProperty("level").GetString() != "error");
    }
}
