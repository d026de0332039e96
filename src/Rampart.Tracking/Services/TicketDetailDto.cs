namespace Rampart.Tracking;

/// <summary>A ticket with its history (audit entries about it, oldest first) and its comments.</summary>
public sealed record TicketDetailDto : TicketDto
{
    public required string Evidence { get; init; }

    public string? Remediation { get; init; }

    public string? SeverityReason { get; init; }

    public required IReadOnlyList<AuditEntryDto> History { get; init; }

    public required IReadOnlyList<CommentDto> Comments { get; init; }
}
