namespace Rampart.Tracking;

/// <summary>
/// The ingest decision as one pure function: for each fingerprint a report touches, what happens to the app's ticket and
/// which counter it adds to. Ingest asks it once on the snapshot's narrow columns (to know which tickets to load) and again
/// on each loaded ticket; the answers come from this one place. No database, no clock: <c>IngestDecisionTests</c> checks
/// it against a table of the whole input space.
/// </summary>
internal static class IngestDecision
{
    public static IngestOutcome Decide(IngestFacts facts)
    {
        if (facts.Ticket is not { } status)
        {
            return !facts.Reported ? IngestOutcome.Untouched
                : facts.Covered ? IngestOutcome.SuppressNew
                : IngestOutcome.Create;
        }

        if (!facts.Reported)
        {
            // Verification is the scan's evidence that the check passed; exceptions are about findings, and there is none.
            return TicketLifecycle.IsActive(status) && facts.CheckPassed ? IngestOutcome.Verify : IngestOutcome.Untouched;
        }

        return status switch
        {
            var s when TicketLifecycle.IsActive(s) && facts.Covered => IngestOutcome.GrantException,
            TicketStatus.FixSubmitted when facts.ScannedAfterChange => IngestOutcome.ReopenAfterFailedFix,
            TicketStatus.VerifiedFixed when !facts.Covered => IngestOutcome.ReopenReturned,
            TicketStatus.FalsePositive when facts.EvidenceChanged && !facts.Covered => IngestOutcome.ReopenChangedEvidence,
            var s when TicketLifecycle.IsActive(s) => IngestOutcome.Unchanged,
            _ => IngestOutcome.KeepClosed,
        };
    }

    /// <summary>The status the ticket moves to, or null when the outcome moves no existing ticket.</summary>
    public static TicketStatus? Target(IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.GrantException => TicketStatus.ExceptionGranted,
        IngestOutcome.ReopenAfterFailedFix or IngestOutcome.ReopenReturned or IngestOutcome.ReopenChangedEvidence => TicketStatus.Reopened,
        IngestOutcome.Verify => TicketStatus.VerifiedFixed,
        _ => null,
    };

    /// <summary>True when the ticket takes the report's evidence (a finding that came back, or changed).</summary>
    public static bool RefreshesEvidence(IngestOutcome outcome) => outcome is IngestOutcome.ReopenReturned or IngestOutcome.ReopenChangedEvidence;

    public static IngestCount CountedAs(IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.Create => IngestCount.Created,
        IngestOutcome.Unchanged => IngestCount.Unchanged,
        IngestOutcome.Verify => IngestCount.VerifiedFixed,
        IngestOutcome.ReopenAfterFailedFix or IngestOutcome.ReopenReturned or IngestOutcome.ReopenChangedEvidence => IngestCount.Reopened,
        IngestOutcome.SuppressNew or IngestOutcome.GrantException or IngestOutcome.KeepClosed => IngestCount.Suppressed,
        _ => IngestCount.None,
    };
}
