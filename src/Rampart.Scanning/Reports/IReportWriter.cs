using Rampart.ScanReports;

namespace Rampart.Scanning.Reports;

/// <summary>Renders a <see cref="ScanReport"/> in one output format.</summary>
/// <remarks>
/// Everything in a report that came from the app or its server (names, titles, evidence, locations) is untrusted:
/// every writer must keep it from changing the structure of its output or running in a viewer.
/// </remarks>
public interface IReportWriter
{
    /// <summary>The format name used on the command line, e.g. <c>sarif</c>.</summary>
    string Format { get; }

    /// <summary>The conventional file extension, with its leading dot, e.g. <c>.sarif</c>.</summary>
    string FileExtension { get; }

    /// <summary>Writes the report as UTF-8 (without a byte-order mark); leaves <paramref name="output"/> open.</summary>
    Task WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken);
}
