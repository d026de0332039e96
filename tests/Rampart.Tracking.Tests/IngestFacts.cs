namespace Rampart.Tracking.Tests;

/// <summary>
/// One row of the ingest decision's input space for a ticket holding a single instance, as the design states the decision
/// (architecture §4.3, "Ingest"); <see cref="SingleInstance.Decide"/> runs it through ingest's real functions.
/// </summary>
/// <param name="Ticket">The status of the app's ticket with the fingerprint, or null when there is none.</param>
/// <param name="Reported">The report has a ticket-worthy finding with the fingerprint.</param>
/// <param name="Covered">An exception in force covers the reported finding (its requirement, and its location pattern if any).</param>
/// <param name="ScannedAfterChange">The scan started after the ticket last changed (so it saw a fix submitted before it).</param>
/// <param name="EvidenceChanged">The reported evidence differs from the ticket's (compared by SHA-256).</param>
/// <param name="CheckPassed">For a ticket the report does not mention: its check ran for its requirement to a verdict and
/// did not skip a probe at its location.</param>
internal readonly record struct IngestFacts(
    TicketStatus? Ticket,
    bool Reported,
    bool Covered,
    bool ScannedAfterChange,
    bool EvidenceChanged,
    bool CheckPassed)
;
