using Rampart.ScanReports;

namespace Rampart.Scanning.Reports;

/// <summary>The ScanReport JSON contract itself (docs/scan-report.md): what Tracking ingests.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    public string Format => "json";

    public string FileExtension => ".json";

    public Task WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        return ScanReportJson.SerializeAsync(report, output, cancellationToken);
    }
}
