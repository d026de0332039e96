namespace Rampart.Tracking;

/// <summary>A ticket with its history (audit entries about it, oldest first), its comments and its instances (the
/// locations its check failed at, first first: the ticket's own <c>location</c> and <c>fingerprint</c> are the first's).</summary>
public sealed record TicketDetailDto : TicketDto
{
    public required string Evidence { get; init; }

    public string? Remediation { get; init; }

    public string? SeverityReason { get; init; }

    public required IReadOnlyList<AuditEntryDto> History { get; init; }

    public required IReadOnlyList<CommentDto> Comments { get; init; }

    public required IReadOnlyList<TicketInstanceDto> Instances { get; init; }
}
