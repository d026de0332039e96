using System.Text;
using Rampart.Catalog;

using Rampart.ScanReports;

namespace Rampart.Scanning.Reports;

/// <summary>A Markdown report a vendor can attach to a ticket or paste into an issue.</summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    private const string Missing = "—";

    public string Format => "markdown";

    public string FileExtension => ".md";

    public async Task WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(report));
        await output.WriteAsync(bytes, cancellationToken);
    }

    private static string Render(ScanReport report)
    {
        var md = new StringBuilder();
        var summary = ReportSummary.Of(report);

        md.Append("# Rampart scan report: ").Append(MarkdownText.Inline(report.App.Name)).Append("\n\n");
        md.Append("**Result: ").Append(summary.Verdict).Append("** (").Append(MarkdownText.Inline(summary.Describe())).Append(")\n\n");

        md.Append("| Field | Value |\n|---|---|\n");
        Row(md, "App", report.App.Name);
        CodeRow(md, "App key", report.App.Key);
        Row(md, "App kind", report.App.Kind);
        CodeRow(md, "Base URL", report.App.BaseUrl);
        CodeRow(md, "Descriptor URL", report.App.DescriptorUrl);
        Row(md, "Catalog", $"{report.Catalog.Id}, in effect since {ReportText.Date(report.Catalog.Effective)}");
        Row(md, "Started", ReportText.Timestamp(report.StartedAt));
        Row(md, "Finished", $"{ReportText.Timestamp(report.FinishedAt)} ({ReportText.Duration(report)})");
        Row(md, "Scanner", $"{report.Tool.Name} {report.Tool.Version}");
        md.Append('\n');

        md.Append("## Requirements\n\n");
        if (report.Requirements.Count == 0)
        {
            md.Append("No requirement was evaluated.\n\n");
        }
        else
        {
            md.Append("| Requirement | Title | Status | Reason | Checks |\n|---|---|---|---|---|\n");
            foreach (var requirement in report.Requirements)
            {
                var status = requirement.Status.ToId();
                var shown = requirement.Status == RequirementStatus.Fail && requirement.Guideline
                    ? $"{status} (guideline, advisory)"
                    : requirement.Status is RequirementStatus.Fail or RequirementStatus.Error ? $"**{status}**" : status;
                md.Append("| ").Append(MarkdownText.Inline(requirement.Id))
                    .Append(" | ").Append(MarkdownText.Inline(requirement.Title))
                    .Append(" | ").Append(shown)
                    .Append(" | ").Append(MarkdownText.Inline(requirement.Reason ?? Missing))
                    .Append(" | ").Append(requirement.Checks.Count > 0 ? string.Join(", ", requirement.Checks.Select(MarkdownText.CodeInTable)) : Missing)
                    .Append(" |\n");
            }

            md.Append('\n');
        }

        md.Append("## Findings\n\n");
        var groups = FindingGroup.From(report);
        if (groups.Count == 0)
        {
            md.Append("No findings.\n\n");
        }

        foreach (var group in groups)
        {
            md.Append("### Requirement ").Append(MarkdownText.Inline(group.RequirementId));
            md.Append(group.Title is null ? " (not among this report's requirements)" : ": " + MarkdownText.Inline(group.Title));

            md.Append("\n\n");
            var number = 0;
            foreach (var finding in group.Findings)
            {
                number++;
                WriteFinding(md, number, finding);
            }
        }

        md.Append("## Upcoming requirements\n\n");
        if (report.Upcoming.Count == 0)
        {
            md.Append("None.\n\n");
        }
        else
        {
            md.Append("| Catalog | In effect from | Requirement | Title |\n|---|---|---|---|\n");
            foreach (var upcoming in report.Upcoming)
            {
                md.Append("| ").Append(MarkdownText.Inline(upcoming.CatalogId))
                    .Append(" | ").Append(ReportText.Date(upcoming.Effective))
                    .Append(" | ").Append(MarkdownText.Inline(upcoming.RequirementId))
                    .Append(" | ").Append(MarkdownText.Inline(upcoming.Title))
                    .Append(" |\n");
            }

            md.Append('\n');
        }

        md.Append("## Skipped probes\n\n");
        if (report.Skipped.Count == 0)
        {
            md.Append("None.\n");
        }
        else
        {
            md.Append("| Check | Location | Reason |\n|---|---|---|\n");
            foreach (var probe in report.Skipped)
            {
                md.Append("| ").Append(MarkdownText.CodeInTable(probe.CheckId))
                    .Append(" | ").Append(MarkdownText.CodeInTable(probe.Location))
                    .Append(" | ").Append(MarkdownText.Inline(probe.Reason))
                    .Append(" |\n");
            }
        }

        return md.ToString();
    }

    private static void WriteFinding(StringBuilder md, int number, Finding finding)
    {
        md.Append("#### ").Append(number).Append(". ").Append(MarkdownText.Inline(finding.Title)).Append("\n\n");
        md.Append("| Field | Value |\n|---|---|\n");
        Row(md, "Severity", finding.Severity.ToId());
        CodeRow(md, "Check", finding.CheckId);
        CodeRow(md, "Location", finding.Location);
        CodeRow(md, "Fingerprint", finding.Fingerprint);
        if (finding.Advisory)
        {
            Row(md, "Advisory", "yes: never fails a requirement, never opens a ticket");
        }

        md.Append("\nEvidence:\n\n").Append(MarkdownText.Fenced(finding.Evidence)).Append('\n');
        if (!string.IsNullOrWhiteSpace(finding.Remediation))
        {
            md.Append("**Remediation:** ").Append(MarkdownText.Inline(finding.Remediation)).Append("\n\n");
        }
    }

    private static void Row(StringBuilder md, string field, string value) =>
        md.Append("| ").Append(field).Append(" | ").Append(MarkdownText.Inline(value)).Append(" |\n");

    private static void CodeRow(StringBuilder md, string field, string? value) =>
        md.Append("| ").Append(field).Append(" | ").Append(value is null ? Missing : MarkdownText.CodeInTable(value)).Append(" |\n");
}
