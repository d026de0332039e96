namespace Rampart.Tracking;

/// <summary>Filters for the ticket list; results are ordered by due date, then id.</summary>
public sealed record TicketQuery
{
    public const int MaxPageSize = 500;

    public string? AppKey { get; init; }

    public TicketStatus? Status { get; init; }

    public TicketSeverity? Severity { get; init; }

    public bool? Overdue { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}
