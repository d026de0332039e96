namespace Rampart.Tracking;

/// <summary>
/// What an ingest outcome (decided by <see cref="InstanceDecision"/> and <see cref="TicketRollup"/>) does to a ticket:
/// the status it moves to, the report counter it adds to, whether it takes the new evidence. Pure; <c>IngestDecisionTests</c>
/// checks the decision and these effects against tables of the whole input space.
/// </summary>
internal static class IngestDecision
{
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
