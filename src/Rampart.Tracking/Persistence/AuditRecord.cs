namespace Rampart.Tracking.Persistence;

/// <summary>Builds audit rows; the only way the code writes to the audit table is by adding these.</summary>
internal static class AuditRecord
{
    public static AuditEntity Create(DateTimeOffset at, Actor actor, string action, string subject, string? before, string? after, string? reason) => new()
    {
        At = at,
        Actor = actor.Id,
        Action = action,
        Subject = subject,
        Before = before,
        After = after,
        Reason = reason,
    };

    public static string Ticket(long id) => $"ticket:{id}";

    public static string App(string key) => $"app:{key}";

    public static string Partner(Guid id) => $"partner:{id}";

    public static string Token(Guid id) => $"token:{id}";

    public static string Exception(Guid id) => $"exception:{id}";

    public static AuditEntryDto ToDto(AuditEntity e) => new(e.Id, e.At, e.Actor, e.Action, e.Subject, e.Before, e.After, e.Reason);
}
