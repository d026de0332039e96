namespace Rampart.Tracking;

/// <param name="Actor">The actor id (e.g. <c>token:…</c>, <c>system</c>).</param>
/// <param name="Action">What happened, e.g. <c>ticket.transition</c>, <c>ticket.created</c>, <c>app.delisted</c>, <c>token.created</c>.</param>
public sealed record AuditEntryDto(long Id, DateTimeOffset At, string Actor, string Action, string Subject, string? Before, string? After, string? Reason);
