namespace Rampart.Tracking;

/// <summary>
/// The first half of ingest's decision once a ticket is the unmet requirement (app, requirement, check) and its findings
/// are instances: each instance's next state, from what the report says about its fingerprint. The ticket's move follows
/// from all its instances (<see cref="TicketRollup"/>). Pure; <c>InstanceDecisionTests</c> checks the whole input space.
/// </summary>
internal static class InstanceDecision
{
    /// <summary>The instance's state after the report, or null when there is (still) no instance.</summary>
    public static InstanceState? Decide(InstanceFacts facts) => facts.State switch
    {
        null => !facts.Reported ? null : facts.Covered ? InstanceState.Excepted : InstanceState.Open,

        // Not reported: only a check that ran and passed there fixes an open instance; nothing else changes.
        var s when !facts.Reported => s == InstanceState.Open && facts.CheckPassed ? InstanceState.Fixed : s,

        // Reported: an exception in force covers it whatever it was; without one, a fixed or excepted instance is back,
        // and a false positive is back only when its evidence changed.
        _ when facts.Covered => InstanceState.Excepted,
        InstanceState.FalsePositive => facts.EvidenceChanged ? InstanceState.Open : InstanceState.FalsePositive,
        _ => InstanceState.Open,
    };
}
