#pragma warning disable CS9113 // contract stub: the implementation follows in the next commits
using Microsoft.EntityFrameworkCore;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>API tokens: <c>rmp_</c> + 32 random bytes (base64url), stored as SHA-256, expiring, revocable, audited.</summary>
public sealed class TokenService(IDbContextFactory<TrackingDbContext> dbFactory, TimeProvider time)
{
    public const string Prefix = "rmp_";

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    /// <summary>Creates a token; the plaintext is in the result only. The CLI passes a local admin actor.</summary>
    public Task<CreatedToken> CreateAsync(Actor actor, Role role, Guid? partnerId, TimeSpan? lifetime, string? name, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>The actor a presented token stands for; null when unknown, expired or revoked.</summary>
    public Task<Actor?> AuthenticateAsync(string presented, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<TokenDto>> ListAsync(Actor actor, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<TokenDto> RevokeAsync(Actor actor, Guid id, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
