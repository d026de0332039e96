namespace Rampart.Tracking;

public sealed record TokenDto(Guid Id, string? Name, Role Role, Guid? PartnerId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);
