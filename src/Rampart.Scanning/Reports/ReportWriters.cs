using Rampart.ScanReports;

namespace Rampart.Scanning.Reports;

/// <summary>The report formats Rampart writes to files (the console format belongs to the CLI).</summary>
public static class ReportWriters
{
    private static readonly IReportWriter[] All =
    [
        new JsonReportWriter(),
        new SarifReportWriter(),
        new JUnitReportWriter(),
        new MarkdownReportWriter(),
        new HtmlReportWriter(),
    ];

    /// <summary>The format names, in the order the help text lists them: json, sarif, junit, markdown, html.</summary>
    public static IReadOnlyList<string> Formats { get; } = Array.AsReadOnly(All.Select(w => w.Format).ToArray());

    /// <summary>The writer for a format name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The format is unknown; the message names the valid ones.</exception>
    public static IReportWriter For(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var name = format.Trim();
        return All.FirstOrDefault(w => string.Equals(w.Format, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"Unknown report format '{format}'. Valid formats: {string.Join(", ", Formats)}.", nameof(format));
    }
}
