namespace Rampart.Tracking.Persistence;

public sealed class ExceptionEntity
{
    public Guid Id { get; set; }

    public long AppId { get; set; }

    public required string RequirementId { get; set; }

    public string? LocationPattern { get; set; }

    public required string Reason { get; set; }

    public required string GrantedBy { get; set; }

    public DateTimeOffset GrantedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
