using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>API tokens: <c>rmp_</c> + 32 random bytes (base64url), stored as SHA-256, expiring, revocable, audited.</summary>
public sealed class TokenService(IDbContextFactory<TrackingDbContext> dbFactory, TimeProvider time)
{
    public const string Prefix = "rmp_";

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(730);

    /// <summary>Creates a token; the plaintext is in the result only. The CLI passes a local admin actor.</summary>
    /// <param name="partnerId">Partner tokens: the partner they see (required). Ingest tokens: the partner whose apps
    /// alone they may upload reports for (optional).</param>
    /// <param name="appKey">Ingest tokens only: the one app they may upload reports for (optional).</param>
    public async Task<CreatedToken> CreateAsync(Actor actor, Role role, Guid? partnerId, TimeSpan? lifetime, string? name, string? appKey = null, CancellationToken cancellationToken = default)
    {
        Access.RequireAdmin(actor, "create tokens");
        var life = lifetime ?? DefaultLifetime;
        new Validate()
            .Check(role != Role.System, "role", "no token may carry the system role")
            .Check(role != Role.Partner || partnerId is not null, "partner", "a partner token needs --partner <id>")
            .Check(role is Role.Partner or Role.Ingest || partnerId is null, "partner", "only partner and ingest tokens are scoped to a partner")
            .Check(role == Role.Ingest || appKey is null, "app", "only ingest tokens are scoped to an app")
            .Check(appKey is null || partnerId is null, "app", "an ingest token is scoped to a partner or to an app, not both (the app names its partner)")
            .Check(life > TimeSpan.Zero && life <= MaxLifetime, "lifetime", $"must be more than zero and at most {MaxLifetime.TotalDays} days")
            .Check(name is null || name.Length <= 200, "name", "is longer than 200 characters")
            .ThrowIfAny();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (partnerId is { } pid && !await db.Partners.AnyAsync(p => p.Id == pid, cancellationToken).ConfigureAwait(false))
        {
            throw new ValidationException("partner", $"no partner with id {pid}");
        }

        if (appKey is not null && !await db.Apps.AnyAsync(a => a.Key == appKey, cancellationToken).ConfigureAwait(false))
        {
            throw new ValidationException("app", $"no app with key '{appKey}'");
        }

        var now = time.GetUtcNow();
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var entity = new TokenEntity
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            Role = role,
            PartnerId = partnerId,
            AppKey = appKey,
            Hash = HashOf(token),
            CreatedAt = now,
            ExpiresAt = now + life,
        };
        db.Tokens.Add(entity);
        db.Audit.Add(AuditRecord.Create(now, actor, "token.created", AuditRecord.Token(entity.Id), null,
            $"role {RoleNames.ToWire(role)}{(partnerId is null ? string.Empty : $", partner {partnerId}")}{(appKey is null ? string.Empty : $", app {appKey}")}, expires {entity.ExpiresAt:O}", name));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new CreatedToken(entity.Id, token, entity.ExpiresAt);
    }

    /// <summary>The actor a presented token stands for; null when unknown, expired or revoked.</summary>
    public async Task<Actor?> AuthenticateAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presented) || !presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return null;
        }

        var hash = HashOf(presented);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var token = await db.Tokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken).ConfigureAwait(false);
        // The lookup is by hash (an index); the fixed-time compare keeps the final check free of timing differences.
        if (token is null || !CryptographicOperations.FixedTimeEquals(token.Hash, hash))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return null;
        }

        return new Actor(AuditRecord.Token(token.Id), token.Role, token.PartnerId, token.AppKey);
    }

    public async Task<IReadOnlyList<TokenDto>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        Access.RequireAdmin(actor, "list tokens");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var tokens = await db.Tokens.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return tokens.Select(ToDto).ToList();
    }

    public async Task<TokenDto> RevokeAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        Access.RequireAdmin(actor, "revoke tokens");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var token = await db.Tokens.FirstOrDefaultAsync(t => t.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException($"no token with id {id}");
        if (token.RevokedAt is null)
        {
            var now = time.GetUtcNow();
            token.RevokedAt = now;
            db.Audit.Add(AuditRecord.Create(now, actor, "token.revoked", AuditRecord.Token(id), "active", "revoked", null));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return ToDto(token);
    }

    internal static byte[] HashOf(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static TokenDto ToDto(TokenEntity t) => new(t.Id, t.Name, t.Role, t.PartnerId, t.AppKey, t.CreatedAt, t.ExpiresAt, t.RevokedAt);
}
