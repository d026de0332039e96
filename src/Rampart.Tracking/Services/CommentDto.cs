namespace Rampart.Tracking;

public sealed record CommentDto(long Id, long TicketId, DateTimeOffset At, string Author, Role AuthorRole, string Text);
