namespace Rampart.Tracking;

/// <summary>Who is acting: recorded in the audit log and checked by every service.</summary>
/// <param name="Id">A stable name for the audit log, e.g. <c>token:3f2a…</c> or <c>system</c>.</param>
/// <param name="PartnerId"><see cref="Role.Partner"/>: the one partner whose apps it may see. <see cref="Role.Ingest"/>: the
/// one partner whose apps it may upload reports for (null: every app).</param>
/// <param name="AppKey"><see cref="Role.Ingest"/> only: the one app it may upload reports for (null: no such limit).</param>
public sealed record Actor(string Id, Role Role, Guid? PartnerId = null, string? AppKey = null)
{
    /// <summary>The policy engine (enforcement runs, scan-driven transitions).</summary>
    public static Actor System { get; } = new("system", Role.System);

    public bool IsStaff => Role is Role.SecurityAdmin or Role.SecurityAnalyst or Role.System;
}
