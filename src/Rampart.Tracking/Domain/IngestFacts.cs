namespace Rampart.Tracking;

/// <summary>What ingest knows about one fingerprint of an app when it decides (see <see cref="IngestDecision"/>).</summary>
/// <param name="Ticket">The status of the app's ticket with the fingerprint, or null when there is none.</param>
/// <param name="Reported">The report has a ticket-worthy finding with the fingerprint.</param>
/// <param name="Covered">An exception in force covers the reported finding (its requirement, and its location pattern if any).</param>
/// <param name="ScannedAfterChange">The scan started after the ticket last changed (so it saw a fix submitted before it).</param>
/// <param name="EvidenceChanged">The reported evidence differs from the ticket's (compared by SHA-256).</param>
/// <param name="CheckPassed">For a ticket the report does not mention: its check ran for its requirement to a verdict and
/// did not skip a probe at its location (<see cref="ReportPlan.PassedAt"/>).</param>
internal readonly record struct IngestFacts(
    TicketStatus? Ticket,
    bool Reported,
    bool Covered,
    bool ScannedAfterChange,
    bool EvidenceChanged,
    bool CheckPassed)
{
    /// <summary>A finding of the report, with or without a ticket of the app.</summary>
    public static IngestFacts Finding(TicketStatus? ticket, bool covered, bool scannedAfterChange, bool evidenceChanged) =>
        new(ticket, Reported: true, covered, scannedAfterChange, evidenceChanged, CheckPassed: false);

    /// <summary>A ticket of the app whose fingerprint the report does not mention.</summary>
    public static IngestFacts Absent(TicketStatus ticket, bool checkPassed) =>
        new(ticket, Reported: false, Covered: false, ScannedAfterChange: false, EvidenceChanged: false, checkPassed);
}
