namespace Rampart.Tracking;

/// <summary>Role checks shared by the services. Reads by a partner are scoped, never refused with 403 (no existence leak).</summary>
internal static class Access
{
    public static void RequireStaff(Actor actor, string operation)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role is not (Role.SecurityAdmin or Role.SecurityAnalyst or Role.System))
        {
            throw new ForbiddenException($"role {RoleNames.ToWire(actor.Role)} may not {operation}");
        }
    }

    public static void RequireAdmin(Actor actor, string operation)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role is not (Role.SecurityAdmin or Role.System))
        {
            throw new ForbiddenException($"role {RoleNames.ToWire(actor.Role)} may not {operation}; it needs security-admin");
        }
    }

    /// <summary>Staff, auditors and partners read; the ingest role only uploads.</summary>
    public static void RequireReader(Actor actor, string what)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role == Role.Ingest)
        {
            throw new ForbiddenException($"role ingest may only upload reports, not read {what}");
        }

        if (actor.Role == Role.Partner && actor.PartnerId is null)
        {
            throw new ForbiddenException("a partner token without a partner id sees nothing");
        }
    }

    /// <summary>The partner a reader is limited to, or null for staff and auditors.</summary>
    public static Guid? PartnerScope(Actor actor) => actor.Role == Role.Partner ? actor.PartnerId : null;
}
