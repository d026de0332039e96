namespace Rampart.Tracking;

/// <summary>What a missed fix deadline does (wire: escalate, delist).</summary>
public enum BreachAction
{
    /// <summary>The ticket is escalated and the partner's security contact notified.</summary>
    Escalate,

    /// <summary>The ticket is escalated and the app delisted until no blocking ticket remains.</summary>
    Delist,
}
