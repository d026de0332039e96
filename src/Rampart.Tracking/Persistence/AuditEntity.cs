namespace Rampart.Tracking.Persistence;

/// <summary>An append-only audit row. Nothing in the code updates or deletes these; PostgreSQL enforces it with a trigger.</summary>
public sealed class AuditEntity
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public required string Subject { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public string? Reason { get; set; }
}
