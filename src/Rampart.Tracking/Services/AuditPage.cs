namespace Rampart.Tracking;

public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, int Total);
