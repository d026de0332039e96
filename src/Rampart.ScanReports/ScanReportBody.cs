namespace Rampart.ScanReports;

/// <summary>A report as read from its body, with the SHA-256 of the exact bytes (the ingest's idempotency key).</summary>
public sealed record ScanReportBody(ScanReport Report, string Sha256);
