namespace Rampart.Tracking;

/// <param name="Subject">Exact subject, e.g. <c>ticket:42</c>, <c>app:my-app</c>, <c>token:…</c>.</param>
public sealed record AuditQuery(string? Subject = null, DateTimeOffset? Since = null, int Page = 1, int PageSize = 50);
