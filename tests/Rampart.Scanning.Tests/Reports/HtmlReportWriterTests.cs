using Rampart.Catalog;
using System.Text.RegularExpressions;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Tests.Reports;

public sealed partial class HtmlReportWriterTests
{
    private const string CspMeta =
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">";

    // Everything the writer itself emits; any other tag would have come from the app or server.
    private static readonly HashSet<string> AllowedTags = new(StringComparer.Ordinal)
    {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "strong",
        "section", "table", "thead", "tbody", "tr", "th", "td", "article", "pre", "code", "footer",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.Ordinal)
    {
        "lang", "charset", "http-equiv", "content", "name", "class",
    };

    private static Task<string> WriteAsync(ScanReport report) => SampleReports.WriteAsync(new HtmlReportWriter(), report);

    [Fact]
    public async Task Hostile_markup_appears_encoded_never_raw()
    {
        var html = await WriteAsync(SampleReports.Hostile());

        html.ShouldNotContain("<svg", Case.Insensitive);
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<b>", Case.Insensitive);
        html.ShouldNotContain("<i>", Case.Insensitive);
        html.ShouldContain("Hostile &lt;svg/onload=alert(1)&gt; | *app* `x` [click](javascript:alert(1)) $math$");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("project=&lt;svg&gt;");
    }

    [Fact]
    public async Task Only_the_writers_own_tags_and_attributes_appear()
    {
        var html = await WriteAsync(SampleReports.Hostile());

        html.ShouldStartWith("<!DOCTYPE html>\n");
        var tags = Tag().Matches(html["<!DOCTYPE html>".Length..]);
        tags.Count.ShouldBeGreaterThan(100);
        foreach (Match tag in tags)
        {
            AllowedTags.ShouldContain(tag.Groups["name"].Value, tag.Value);
            foreach (Match attribute in Attribute().Matches(tag.Groups["attributes"].Value))
            {
                AllowedAttributes.ShouldContain(attribute.Groups["name"].Value, tag.Value);
            }
        }
    }

    [Fact]
    public async Task Strict_content_security_policy_comes_first_in_the_head()
    {
        var html = await WriteAsync(SampleReports.Hostile());

        html.ShouldContain("<head>\n<meta charset=\"utf-8\">\n" + CspMeta + "\n");
        Regex.Count(html, "Content-Security-Policy", RegexOptions.None, TimeSpan.FromSeconds(1)).ShouldBe(1);
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<link", Case.Insensitive);
        html.ShouldNotContain(" href=", Case.Insensitive);
        html.ShouldNotContain(" src=", Case.Insensitive);
        html.ShouldNotContain("url(", Case.Insensitive);
        html.ShouldNotContain("@import", Case.Insensitive);
    }

    [Fact]
    public async Task Control_characters_and_bidi_overrides_do_not_reach_the_page()
    {
        var report = SampleReports.Hostile();
        report = report with { App = report.App with { Name = "evil\u202Egnp.exe" } };

        var html = await WriteAsync(report);

        html.ShouldNotContain("\u001b");
        html.ShouldNotContain("\u0000");
        html.ShouldNotContain("\u202E");
        html.ShouldContain("evil\uFFFDgnp.exe");
    }

    [Fact]
    public async Task Report_shows_requirements_findings_upcoming_and_skipped()
    {
        var html = await WriteAsync(SampleReports.Hostile());

        html.ShouldContain("<p class=\"verdict verdict-failed\"><strong>Result: failed</strong>");
        html.ShouldContain("<td class=\"status status-not-applicable\">not-applicable</td>");
        html.ShouldContain("<h3>Requirement 2.1: Authenticate every endpoint</h3>");
        html.ShouldContain("<h3>Requirement 9.9 (not among this report's requirements)</h3>");
        html.ShouldContain("<article class=\"finding severity-info advisory\">");
        html.ShouldContain("<tr><th>Location</th><td>src/resolvers/index.js:42:7</td></tr>");
        html.ShouldContain("<td>Rotate &lt;secrets&gt; | yearly</td>");
        html.ShouldContain("<td>POST would change state `|` &lt;b&gt;</td>");
        html.ShouldContain("<p><strong>Remediation:</strong> Disable TLS 1.0 and 1.1 on the load balancer.</p>");
    }

    [Fact]
    public async Task Report_without_findings_says_so()
    {
        var html = await WriteAsync(SampleReports.Clean());

        html.ShouldContain("<p>No findings.</p>");
        html.ShouldContain("<p class=\"verdict verdict-passed\">");
        html.ShouldContain("<tr><th>Base URL</th><td>—</td></tr>");
    }

    [GeneratedRegex("<(?!!)/?(?<name>[a-zA-Z0-9]+)(?<attributes>[^>]*)>", RegexOptions.None, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Tag();

    [GeneratedRegex("""(?<name>[a-zA-Z-]+)="[^"]*"|(?<name>[a-zA-Z-]+)""", RegexOptions.None, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Attribute();
}
