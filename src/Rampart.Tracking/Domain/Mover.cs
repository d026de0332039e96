namespace Rampart.Tracking;

/// <summary>Who may make a move in the ticket lifecycle.</summary>
public enum Mover
{
    /// <summary>The partner (and the security team on its behalf).</summary>
    Vendor,

    /// <summary>Security analysts and admins.</summary>
    Staff,

    /// <summary>Scans (ingest) and the policy engine.</summary>
    Automatic,
}
