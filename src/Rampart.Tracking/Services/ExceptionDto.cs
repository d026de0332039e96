namespace Rampart.Tracking;

public sealed record ExceptionDto(
    Guid Id,
    string AppKey,
    string RequirementId,
    string? LocationPattern,
    string Reason,
    string GrantedBy,
    DateTimeOffset GrantedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    bool Active);
