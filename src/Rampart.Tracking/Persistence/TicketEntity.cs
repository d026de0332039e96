namespace Rampart.Tracking.Persistence;

/// <summary>The stored ticket row; its lifecycle rules live in <see cref="TicketLifecycle"/>.</summary>
public sealed class TicketEntity
{
    public long Id { get; set; }

    public long AppId { get; set; }

    /// <summary>
    /// The app's partner, copied when the ticket is created (an app never changes partner), so a partner's ticket
    /// list is one index range instead of a scan across all their apps' tickets.
    /// </summary>
    public Guid PartnerId { get; set; }

    public required string Fingerprint { get; set; }

    public required string RequirementId { get; set; }

    public required string CheckId { get; set; }

    public required string Title { get; set; }

    public required string Location { get; set; }

    public required string Evidence { get; set; }

    /// <summary>SHA-256 (hex) of the evidence: a false positive stays suppressed while this is unchanged.</summary>
    public required string EvidenceHash { get; set; }

    public string? Remediation { get; set; }

    public TicketSeverity Severity { get; set; }

    public required string CvssVector { get; set; }

    public double CvssScore { get; set; }

    /// <summary>Set when an analyst overrode the check's default vector.</summary>
    public string? SeverityReason { get; set; }

    public TicketStatus Status { get; set; }

    public DateTimeOffset DueDate { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Expiry of a per-ticket exception (status exception-granted).</summary>
    public DateTimeOffset? ExceptionExpiresAt { get; set; }

    /// <summary>The last reminder threshold sent (days before due), so each reminder goes out once.</summary>
    public int? LastReminderDays { get; set; }

    /// <summary>The scan report that last changed this ticket (its evidence for verified-fixed and reopened).</summary>
    public Guid? LastReportId { get; set; }

    /// <summary>The approved exception that suppresses this ticket, if any.</summary>
    public Guid? ExceptionId { get; set; }

    /// <summary>Optimistic concurrency: an ingest and an enforcement run never silently overwrite each other.</summary>
    public int Version { get; set; }
}
