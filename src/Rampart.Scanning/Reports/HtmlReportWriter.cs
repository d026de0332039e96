using System.Net;
using System.Text;
using Rampart.Catalog;

using Rampart.ScanReports;

namespace Rampart.Scanning.Reports;

/// <summary>
/// A self-contained HTML report a vendor can attach to a ticket. It is opened in browsers next to other sites, so it
/// must stay inert whatever the app put in its name or the server in its responses: every value is HTML-encoded, nothing
/// becomes a link, and a Content-Security-Policy forbids scripts and every external resource.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    /// <summary>Nothing may load or run; the report's own inline stylesheet is the only exception.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";

    private const string Missing = "—";

    private const string Stylesheet = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1d1d1f; line-height: 1.45; }
        h1 { font-size: 1.6rem; overflow-wrap: anywhere; }
        h2 { border-bottom: 1px solid #d0d0d7; padding-bottom: .25rem; margin-top: 2.5rem; }
        h3, h4 { overflow-wrap: anywhere; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { border: 1px solid #d0d0d7; padding: .35rem .6rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { background: #f3f3f6; }
        table.facts th { width: 12rem; }
        pre { background: #f6f8fa; border: 1px solid #d0d0d7; padding: .75rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
        .verdict { font-size: 1.1rem; padding: .5rem .75rem; border-radius: .3rem; }
        .verdict-failed { background: #fde7e9; } .verdict-incomplete { background: #fff4ce; } .verdict-passed { background: #dff6dd; }
        .status { font-weight: 600; white-space: nowrap; }
        .status-fail, .status-error { color: #a4262c; } .status-pass { color: #107c10; } .status-manual, .status-not-applicable, .status-advisory { color: #605e5c; }
        .finding { border-left: 4px solid #d0d0d7; padding-left: 1rem; margin: 1.5rem 0; }
        .severity-critical, .severity-high { border-left-color: #a4262c; } .severity-medium { border-left-color: #ca5010; }
        .severity-low { border-left-color: #c19c00; } .severity-info, .advisory { border-left-color: #8a8886; }
        footer { margin-top: 3rem; color: #605e5c; font-size: .85rem; }
        """;

    public string Format => "html";

    public string FileExtension => ".html";

    public async Task WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(report));
        await output.WriteAsync(bytes, cancellationToken);
    }

    private static string Render(ScanReport report)
    {
        var html = new StringBuilder();
        var summary = ReportSummary.Of(report);
        var title = "Rampart scan report: " + Encode(report.App.Name);

        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(title).Append("</title>\n")
            .Append("<style>\n").Append(Stylesheet).Append("\n</style>\n</head>\n<body>\n");

        html.Append("<header>\n<h1>").Append(title).Append("</h1>\n")
            .Append("<p class=\"verdict verdict-").Append(summary.Verdict).Append("\"><strong>Result: ").Append(summary.Verdict)
            .Append("</strong> (").Append(Encode(summary.Describe())).Append(")</p>\n</header>\n");

        html.Append("<section>\n<h2>App and scan</h2>\n<table class=\"facts\">\n");
        Fact(html, "App", report.App.Name);
        Fact(html, "App key", report.App.Key);
        Fact(html, "App kind", report.App.Kind);
        Fact(html, "Base URL", report.App.BaseUrl ?? Missing);
        Fact(html, "Descriptor URL", report.App.DescriptorUrl ?? Missing);
        Fact(html, "Catalog", $"{report.Catalog.Id}, in effect since {ReportText.Date(report.Catalog.Effective)}");
        Fact(html, "Started", ReportText.Timestamp(report.StartedAt));
        Fact(html, "Finished", $"{ReportText.Timestamp(report.FinishedAt)} ({ReportText.Duration(report)})");
        Fact(html, "Scanner", $"{report.Tool.Name} {report.Tool.Version}");
        html.Append("</table>\n</section>\n");

        WriteRequirements(html, report);
        WriteFindings(html, report);
        WriteUpcoming(html, report);
        WriteSkipped(html, report);

        html.Append("<footer>Everything in this report that came from the app or its server is shown as plain text.</footer>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteRequirements(StringBuilder html, ScanReport report)
    {
        html.Append("<section>\n<h2>Requirements</h2>\n");
        if (report.Requirements.Count == 0)
        {
            html.Append("<p>No requirement was evaluated.</p>\n</section>\n");
            return;
        }

        html.Append("<table>\n<thead><tr><th>Requirement</th><th>Title</th><th>Status</th><th>Reason</th><th>Checks</th></tr></thead>\n<tbody>\n");
        foreach (var requirement in report.Requirements)
        {
            var status = requirement.Status.ToId();
            var advisory = requirement.Status == RequirementStatus.Fail && requirement.Guideline;
            html.Append("<tr><td>").Append(Encode(requirement.Id))
                .Append("</td><td>").Append(Encode(requirement.Title))
                .Append("</td><td class=\"status status-").Append(advisory ? "advisory" : status).Append("\">")
                .Append(advisory ? $"{status} (guideline, advisory)" : status)
                .Append("</td><td>").Append(Encode(requirement.Reason ?? Missing))
                .Append("</td><td>").Append(Encode(requirement.Checks.Count > 0 ? string.Join(", ", requirement.Checks) : Missing))
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void WriteFindings(StringBuilder html, ScanReport report)
    {
        html.Append("<section>\n<h2>Findings</h2>\n");
        var groups = FindingGroup.From(report);
        if (groups.Count == 0)
        {
            html.Append("<p>No findings.</p>\n");
        }

        foreach (var group in groups)
        {
            html.Append("<section>\n<h3>Requirement ").Append(Encode(group.RequirementId));
            html.Append(group.Title is null ? " (not among this report's requirements)" : ": " + Encode(group.Title));

            html.Append("</h3>\n");
            var number = 0;
            foreach (var finding in group.Findings)
            {
                number++;
                var severity = finding.Severity.ToId();
                html.Append("<article class=\"finding severity-").Append(severity).Append(finding.Advisory ? " advisory" : string.Empty).Append("\">\n")
                    .Append("<h4>").Append(number).Append(". ").Append(Encode(finding.Title)).Append("</h4>\n")
                    .Append("<table class=\"facts\">\n");
                Fact(html, "Severity", severity);
                Fact(html, "Check", finding.CheckId);
                Fact(html, "Location", finding.Location);
                Fact(html, "Fingerprint", finding.Fingerprint);
                if (finding.Advisory)
                {
                    Fact(html, "Advisory", "yes: never fails a requirement, never opens a ticket");
                }

                html.Append("</table>\n<p>Evidence:</p>\n<pre><code>").Append(Encode(finding.Evidence)).Append("</code></pre>\n");
                if (!string.IsNullOrWhiteSpace(finding.Remediation))
                {
                    html.Append("<p><strong>Remediation:</strong> ").Append(Encode(finding.Remediation)).Append("</p>\n");
                }

                html.Append("</article>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("</section>\n");
    }

    private static void WriteUpcoming(StringBuilder html, ScanReport report)
    {
        html.Append("<section>\n<h2>Upcoming requirements</h2>\n");
        if (report.Upcoming.Count == 0)
        {
            html.Append("<p>None.</p>\n</section>\n");
            return;
        }

        html.Append("<table>\n<thead><tr><th>Catalog</th><th>In effect from</th><th>Requirement</th><th>Title</th></tr></thead>\n<tbody>\n");
        foreach (var upcoming in report.Upcoming)
        {
            html.Append("<tr><td>").Append(Encode(upcoming.CatalogId))
                .Append("</td><td>").Append(ReportText.Date(upcoming.Effective))
                .Append("</td><td>").Append(Encode(upcoming.RequirementId))
                .Append("</td><td>").Append(Encode(upcoming.Title))
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void WriteSkipped(StringBuilder html, ScanReport report)
    {
        html.Append("<section>\n<h2>Skipped probes</h2>\n");
        if (report.Skipped.Count == 0)
        {
            html.Append("<p>None.</p>\n</section>\n");
            return;
        }

        html.Append("<table>\n<thead><tr><th>Check</th><th>Location</th><th>Reason</th></tr></thead>\n<tbody>\n");
        foreach (var probe in report.Skipped)
        {
            html.Append("<tr><td>").Append(Encode(probe.CheckId))
                .Append("</td><td>").Append(Encode(probe.Location))
                .Append("</td><td>").Append(Encode(probe.Reason))
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Fact(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(name).Append("</th><td>").Append(Encode(value)).Append("</td></tr>\n");

    /// <summary>Every untrusted value passes through here: control characters neutralised, then HTML-encoded.</summary>
    private static string Encode(string value) => WebUtility.HtmlEncode(ReportText.ForDisplay(value));
}
