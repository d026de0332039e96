namespace Rampart.Tracking.Persistence;

public sealed class CommentEntity
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Author { get; set; }

    public Role AuthorRole { get; set; }

    public required string Text { get; set; }
}
