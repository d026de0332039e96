namespace Rampart.Tracking.Persistence;

/// <summary>An exception in force for an app (not revoked, not expired), as ingest matches findings against it.</summary>
internal sealed record ActiveException(Guid Id, string RequirementId, string? LocationPattern, string Reason, DateTimeOffset ExpiresAt);
