namespace Rampart.Tracking;

/// <summary>What ingest knows about one instance of a ticket when it decides (see <see cref="InstanceDecision"/>).</summary>
/// <param name="State">The stored instance's state, or null when the ticket has no instance with the fingerprint.</param>
/// <param name="Reported">The report has a ticket-worthy finding with the fingerprint.</param>
/// <param name="Covered">An exception in force covers the finding (the whole requirement, or its location by pattern).</param>
/// <param name="EvidenceChanged">The reported evidence differs from the instance's (compared by SHA-256).</param>
/// <param name="CheckPassed">For an instance the report does not mention: its check ran for its requirement to a verdict
/// and did not skip a probe at its location.</param>
internal readonly record struct InstanceFacts(InstanceState? State, bool Reported, bool Covered, bool EvidenceChanged, bool CheckPassed);
