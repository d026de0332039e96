namespace Rampart.Tracking;

/// <summary>One vulnerability ticket as the API shows it.</summary>
public record TicketDto
{
    public required long Id { get; init; }

    public required string AppKey { get; init; }

    public required string Fingerprint { get; init; }

    public required string RequirementId { get; init; }

    public required string CheckId { get; init; }

    public required string Title { get; init; }

    public required string Location { get; init; }

    public required TicketSeverity Severity { get; init; }

    public required string CvssVector { get; init; }

    public required double CvssScore { get; init; }

    public required TicketStatus Status { get; init; }

    public required DateTimeOffset DueDate { get; init; }

    public required DateTimeOffset ReportedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required bool Overdue { get; init; }
}
