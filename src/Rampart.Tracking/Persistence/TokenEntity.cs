namespace Rampart.Tracking.Persistence;

public sealed class TokenEntity
{
    public Guid Id { get; set; }

    public string? Name { get; set; }

    public Role Role { get; set; }

    /// <summary>Partner tokens: the partner they see. Ingest tokens: the partner whose apps they may upload for (null: any).</summary>
    public Guid? PartnerId { get; set; }

    /// <summary>Ingest tokens only: the one app they may upload for (null: any app within <see cref="PartnerId"/>).</summary>
    public string? AppKey { get; set; }

    /// <summary>SHA-256 of the whole token; the plaintext is never stored.</summary>
    public required byte[] Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
