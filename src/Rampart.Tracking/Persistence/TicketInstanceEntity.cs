namespace Rampart.Tracking.Persistence;

/// <summary>
/// One finding location of a ticket's unmet requirement: the ticket is (app, requirement, check), each URL or file the
/// check failed at is an instance. Its <see cref="State"/> is what <see cref="InstanceDecision"/> decided last.
/// </summary>
public sealed class TicketInstanceEntity
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    /// <summary>The ticket's app, copied so one fingerprint is one instance per app by a unique index (as it was one
    /// ticket per fingerprint before tickets became requirements).</summary>
    public long AppId { get; set; }

    public required string Fingerprint { get; set; }

    public required string Location { get; set; }

    public required string Evidence { get; set; }

    /// <summary>SHA-256 (hex) of the evidence: a false positive stays suppressed while this is unchanged.</summary>
    public required string EvidenceHash { get; set; }

    public InstanceState State { get; set; }

    /// <summary>The location pattern of the false-positive decision that marked this instance, kept for the record; null
    /// when it is not false-positive or the decision covered the whole ticket.</summary>
    public string? FalsePositivePattern { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The scan report that last reported this instance.</summary>
    public Guid? LastReportId { get; set; }
}
