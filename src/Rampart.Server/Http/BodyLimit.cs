namespace Rampart.Server.Http;

/// <summary>Endpoint metadata: the largest request body the endpoint accepts, in bytes.</summary>
public sealed record BodyLimit(long MaxBytes)
{
    /// <summary>Scan reports: the contract's one limit, the same the reader enforces.</summary>
    public static BodyLimit Reports { get; } = new(Rampart.ScanReports.ScanReportReader.MaxBytes);

    /// <summary>Everything else is a small JSON object.</summary>
    public static BodyLimit Small { get; } = new(64 * 1024);
}
