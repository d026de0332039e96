namespace Rampart.Tracking;

public sealed record TicketPage(IReadOnlyList<TicketDto> Items, int Total, int Page, int PageSize);
