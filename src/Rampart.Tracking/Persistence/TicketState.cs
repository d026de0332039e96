namespace Rampart.Tracking.Persistence;

/// <summary>The columns of a ticket that ingest decides on; the few tickets a report moves are then loaded whole.</summary>
internal sealed record TicketState(
    long Id,
    string Fingerprint,
    string RequirementId,
    string CheckId,
    string Location,
    TicketStatus Status,
    DateTimeOffset UpdatedAt,
    string EvidenceHash);
