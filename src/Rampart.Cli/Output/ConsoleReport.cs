using Rampart.Catalog;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Spectre.Console;

namespace Rampart.Cli.Output;

/// <summary>
/// The human-readable report: a per-requirement table, then the findings with their evidence. Every value from the
/// target is rendered as plain <see cref="Text"/>, never as markup, so a hostile descriptor cannot style the terminal.
/// </summary>
internal static class ConsoleReport
{
    private const int EvidenceLines = 12;

    public static void Write(ScanReport report, IAnsiConsole console)
    {
        WriteHeader(report, console);
        WriteRequirements(report, console);

        var blocking = report.Findings.Where(f => !f.Advisory).ToList();
        var advisory = report.Findings.Where(f => f.Advisory).ToList();
        if (blocking.Count > 0)
        {
            console.Write(new Rule($"Findings ({blocking.Count})").LeftJustified());
            foreach (var finding in blocking)
            {
                WriteFinding(console, finding);
            }
        }

        if (advisory.Count > 0)
        {
            console.Write(new Rule($"Advisory ({advisory.Count})").LeftJustified());
            foreach (var finding in advisory)
            {
                console.Write(Plain($"  {finding.CheckId}  {finding.RequirementId}  {finding.Title}\n    at {finding.Location}\n", new Style(Color.Grey)));
            }
        }

        if (report.Upcoming.Count > 0)
        {
            console.Write(new Rule($"Upcoming requirements ({report.Upcoming.Count})").LeftJustified());
            foreach (var upcoming in report.Upcoming)
            {
                console.Write(Plain($"  {upcoming.RequirementId} {upcoming.Title} (catalog {upcoming.CatalogId}, effective {upcoming.Effective:yyyy-MM-dd})\n"));
            }
        }

        if (report.Skipped.Count > 0)
        {
            console.Write(new Rule($"Skipped probes ({report.Skipped.Count})").LeftJustified());
            foreach (var group in report.Skipped.GroupBy(s => (s.CheckId, s.Reason)))
            {
                console.Write(Plain($"  {group.Key.CheckId}: {group.Key.Reason}\n    {string.Join("\n    ", group.Select(s => s.Location))}\n", new Style(Color.Grey)));
            }
        }

        WriteCounts(report, console);
    }

    /// <summary>
    /// What a CI log shows when every report went to a file: the requirement table, the counts and where the reports
    /// are, on one screen; the findings and their evidence are in the files.
    /// </summary>
    public static void WriteSummary(ScanReport report, IReadOnlyList<OutputTarget> files, IAnsiConsole console)
    {
        WriteHeader(report, console);
        WriteRequirements(report, console);
        var blocking = report.Findings.Count(f => !f.Advisory);
        console.Write(Plain($"{blocking} finding(s), {report.Findings.Count - blocking} advisory, {report.Skipped.Count} skipped probe(s): details in the reports\n"));
        foreach (var file in files)
        {
            console.Write(Plain($"  {file.Format,-8} {file.Path}\n"));
        }

        WriteCounts(report, console);
    }

    private static void WriteHeader(ScanReport report, IAnsiConsole console)
    {
        // The key goes in plain text, not in the rule's markup title: Forge ids (ari:cloud:...) would turn into emoji there.
        console.Write(new Rule(Safe($"{report.App.Name} - {report.App.Kind} app")).LeftJustified());
        console.Write(Plain($"key {report.App.Key}  Catalog {report.Catalog.Id} (in effect since {report.Catalog.Effective:yyyy-MM-dd})  " +
            (report.App.DescriptorUrl is null ? string.Empty : $"descriptor {report.App.DescriptorUrl}  ") +
            $"scanned in {(report.FinishedAt - report.StartedAt).TotalSeconds:0.0} s by {report.Tool.Name} {report.Tool.Version}\n\n"));
    }

    private static void WriteRequirements(ScanReport report, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Req").AddColumn("Title").AddColumn("Status").AddColumn("Reason");
        foreach (var requirement in report.Requirements)
        {
            table.AddRow(
                Plain(requirement.Id + (requirement.Guideline ? " (guideline)" : string.Empty)),
                Plain(requirement.Title),
                requirement.Status == RequirementStatus.Fail && requirement.Guideline
                    ? Plain(GuidelineNotMet, new Style(Color.Yellow))
                    : Plain(StatusLabel(requirement.Status), StatusStyle(requirement.Status)),
                Plain(requirement.Reason ?? string.Empty));
        }

        console.Write(table);
    }

    private static void WriteCounts(ScanReport report, IAnsiConsole console)
    {
        // Guidelines are advisory: a guideline not met is counted apart, and only what sets the exit code (a failed or an
        // unverified requirement, ScanExitCode) turns the summary red or yellow.
        var summary = string.Join(", ", report.Requirements
            .GroupBy(r => (r.Status, Advisory: r.Status == RequirementStatus.Fail && r.Guideline))
            .OrderBy(g => g.Key.Status).ThenBy(g => g.Key.Advisory)
            .Select(g => $"{g.Count()} {(g.Key.Advisory ? GuidelineNotMet : StatusLabel(g.Key.Status))}"));
        var colour = report.HasFailures ? Color.Red
            : report.Requirements.Any(r => r.Status == RequirementStatus.Error && !r.Guideline) ? Color.Yellow
            : Color.Green;
        console.Write(Plain($"\n{summary}\n", new Style(colour, decoration: Decoration.Bold)));
    }

    private static void WriteFinding(IAnsiConsole console, Finding finding)
    {
        console.Write(Plain($"\n  [{finding.Severity.ToId().ToUpperInvariant()}] ", SeverityStyle(finding.Severity)));
        console.Write(Plain($"{finding.CheckId} (requirement {finding.RequirementId}) {finding.Title}\n", new Style(decoration: Decoration.Bold)));
        console.Write(Plain($"    at {finding.Location}\n"));
        var lines = finding.Evidence.Split('\n');
        foreach (var line in lines.Take(EvidenceLines))
        {
            console.Write(Plain($"    | {line}\n", new Style(Color.Grey)));
        }

        if (lines.Length > EvidenceLines)
        {
            console.Write(Plain($"    | ... {lines.Length - EvidenceLines} more line(s) in the json/markdown/html report\n", new Style(Color.Grey)));
        }

        if (finding.Remediation is { Length: > 0 } remediation)
        {
            console.Write(Plain($"    Fix: {remediation}\n"));
        }
    }

    /// <summary>The status shown for a failed guideline: advisory, never "FAIL".</summary>
    public const string GuidelineNotMet = "not met (advisory)";

    public static string StatusLabel(RequirementStatus status) => status switch
    {
        RequirementStatus.Pass => "pass",
        RequirementStatus.Fail => "FAIL",
        RequirementStatus.NotApplicable => "n/a",
        RequirementStatus.Manual => "manual",
        RequirementStatus.Error => "ERROR",
        _ => status.ToString(),
    };

    private static Style StatusStyle(RequirementStatus status) => status switch
    {
        RequirementStatus.Pass => new Style(Color.Green),
        RequirementStatus.Fail => new Style(Color.Red, decoration: Decoration.Bold),
        RequirementStatus.Error => new Style(Color.Yellow, decoration: Decoration.Bold),
        RequirementStatus.Manual => new Style(Color.Blue),
        _ => new Style(Color.Grey),
    };

    private static Style SeverityStyle(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => new Style(Color.Red, decoration: Decoration.Bold),
        Severity.Medium => new Style(Color.Yellow),
        _ => new Style(Color.Grey),
    };

    private static string Safe(string text) => Markup.Escape(ReportText.ForLine(text));

    /// <summary>Untrusted text as plain text: no markup, and no control characters that could drive the terminal.</summary>
    private static Text Plain(string text, Style? style = null) => new(ReportText.ForDisplay(text), style);
}
