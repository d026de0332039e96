namespace Rampart.Tracking.Persistence;

/// <summary>The columns of a ticket that ingest decides on; the few tickets a report moves are then loaded whole.</summary>
/// <param name="SeverityOverridden">An analyst set the severity: a scan never changes it (or the deadline that follows it).</param>
internal sealed record TicketState(
    long Id,
    string RequirementId,
    string CheckId,
    TicketStatus Status,
    DateTimeOffset UpdatedAt,
    TicketSeverity Severity,
    bool SeverityOverridden);
