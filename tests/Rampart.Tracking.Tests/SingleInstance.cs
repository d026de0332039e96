namespace Rampart.Tracking.Tests;

/// <summary>
/// Ingest's decision for a ticket with one instance, computed by the functions ingest runs (<see cref="InstanceDecision"/>
/// then <see cref="TicketRollup"/>), so the table in <c>IngestDecisionTests</c> checks production code, not a copy of it.
/// </summary>
internal static class SingleInstance
{
    public static IngestOutcome Decide(IngestFacts f)
    {
        var before = f.Ticket is { } status ? Embed(status) : (InstanceState?)null;
        var after = InstanceDecision.Decide(new InstanceFacts(before, f.Reported, f.Covered, f.EvidenceChanged, f.CheckPassed));
        // A reported finding means its check ran; an unreported one passed only if it ran.
        return TicketRollup.Decide(f.Ticket, [new InstanceChange(before, after, f.Reported)], f.ScannedAfterChange, checkRan: f.Reported || f.CheckPassed);
    }

    /// <summary>A ticket as the one instance it holds: active and mitigated tickets' findings still fail.</summary>
    private static InstanceState Embed(TicketStatus status) => status switch
    {
        TicketStatus.VerifiedFixed => InstanceState.Fixed,
        TicketStatus.FalsePositive => InstanceState.FalsePositive,
        TicketStatus.ExceptionGranted => InstanceState.Excepted,
        _ => InstanceState.Open,
    };
}
