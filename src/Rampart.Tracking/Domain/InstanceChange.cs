namespace Rampart.Tracking;

/// <summary>One instance of a ticket across a report: its state before and after (null: no instance), and whether the
/// report has its finding.</summary>
internal readonly record struct InstanceChange(InstanceState? Before, InstanceState? After, bool Reported);
