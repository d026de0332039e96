namespace Rampart.Tracking;

/// <summary>
/// One page of the ticket list. <see cref="Total"/> is exact up to <see cref="CountLimit"/>; beyond it
/// <see cref="TotalExact"/> is false and <see cref="Total"/> means "at least this many".
/// </summary>
public sealed record TicketPage(IReadOnlyList<TicketDto> Items, int Total, int Page, int PageSize)
{
    public const int CountLimit = 1_000;

    public bool TotalExact { get; init; } = true;
}
