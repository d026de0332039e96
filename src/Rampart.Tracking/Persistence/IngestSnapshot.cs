namespace Rampart.Tracking.Persistence;

/// <summary>
/// Everything ingest reads before deciding, read in one round trip inside the report's transaction: the app, an earlier
/// report with the same hash, the app's exceptions in force, the tickets the report can touch with their instances, and whether enforcement
/// has anything to look at for the app.
/// </summary>
/// <param name="Kind">The registered kind, <see cref="DescriptorUrl"/> and <see cref="ForgeAppId"/>: what a report must match.</param>
/// <param name="NewestScan">When the newest scan ingested for the app started (null before the first).</param>
internal sealed record IngestSnapshot(
    long AppId,
    string AppKey,
    Guid PartnerId,
    string Kind,
    string? DescriptorUrl,
    string? ForgeAppId,
    DateTimeOffset? NewestScan,
    ListingState Listing,
    Guid? PreviousReportId,
    IReadOnlyList<ActiveException> Exceptions,
    IReadOnlyList<TicketState> Tickets,
    IReadOnlyList<InstanceRow> Instances,
    bool AnythingDue);
