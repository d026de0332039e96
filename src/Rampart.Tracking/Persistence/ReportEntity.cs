namespace Rampart.Tracking.Persistence;

/// <summary>One ingested scan report; (AppId, Sha256) is unique so an identical re-upload is recognised.</summary>
public sealed class ReportEntity
{
    public Guid Id { get; set; }

    public long AppId { get; set; }

    public required string Sha256 { get; set; }

    public DateTimeOffset ScanStartedAt { get; set; }

    public DateTimeOffset IngestedAt { get; set; }

    public required string IngestedBy { get; set; }

    public int Created { get; set; }

    public int Unchanged { get; set; }

    public int VerifiedFixed { get; set; }

    public int Reopened { get; set; }

    public int Suppressed { get; set; }
}
