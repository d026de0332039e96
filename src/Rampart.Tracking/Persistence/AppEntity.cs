namespace Rampart.Tracking.Persistence;

public sealed class AppEntity
{
    public long Id { get; set; }

    public required string Key { get; set; }

    public required string Name { get; set; }

    public required string Kind { get; set; }

    public Guid PartnerId { get; set; }

    public string? DescriptorUrl { get; set; }

    /// <summary>Forge apps: the manifest's <c>app.id</c> (<c>ari:cloud:ecosystem::app/&lt;uuid&gt;</c>) a report must carry to be ingested.</summary>
    public string? ForgeAppId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public ListingState ListingState { get; set; }

    public DateTimeOffset ListingSince { get; set; }

    public string? ListingCause { get; set; }

    /// <summary>Comma-separated ticket ids that caused the delisting.</summary>
    public string? BlockingTicketIds { get; set; }

    /// <summary>Optimistic concurrency for listing changes: two enforcement runs never both delist (or relist) an app.</summary>
    public int Version { get; set; }
}
