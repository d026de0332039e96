namespace Rampart.Tracking;

/// <summary>What an authenticated caller may do. Wire names via <see cref="RoleNames"/>.</summary>
public enum Role
{
    SecurityAdmin,
    SecurityAnalyst,
    Partner,
    Auditor,
    Ingest,

    /// <summary>The policy engine and scan-driven changes; never held by a token.</summary>
    System,
}
