namespace Rampart.Tracking;

/// <summary>
/// The state of one instance of a ticket (one finding location of the unmet requirement): whether it still counts
/// against the ticket. The ticket's own status follows from its instances (<see cref="TicketRollup"/>).
/// </summary>
public enum InstanceState
{
    /// <summary>Failing: counts for the ticket's severity and keeps it from being verified.</summary>
    Open,

    /// <summary>The check ran for the requirement and no longer reports this location.</summary>
    Fixed,

    /// <summary>Covered by an analyst's false-positive decision, while its evidence is unchanged.</summary>
    FalsePositive,

    /// <summary>Covered by an exception in force (the whole ticket, or this location by pattern).</summary>
    Excepted,
}
