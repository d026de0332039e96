namespace Rampart.Tracking;

/// <param name="PartnerId">Partner tokens: the partner they see; ingest tokens: the partner whose apps they may upload for.</param>
/// <param name="AppKey">Ingest tokens scoped to one app: its key.</param>
public sealed record TokenDto(Guid Id, string? Name, Role Role, Guid? PartnerId, string? AppKey, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);
