namespace Rampart.Tracking;

/// <param name="Token">The plaintext token: shown once, never stored.</param>
public sealed record CreatedToken(Guid Id, string Token, DateTimeOffset ExpiresAt);
