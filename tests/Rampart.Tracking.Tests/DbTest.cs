using Rampart.TestSupport;

namespace Rampart.Tracking.Tests;

/// <summary>Base of the tests that run once per database provider (SQLite and PostgreSQL).</summary>
[Collection(TrackingDbCollection.Name)]
public abstract class DbTest(PostgresFixture postgres)
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };

    protected static Actor Admin { get; } = new("test:admin", Role.SecurityAdmin);

    protected static Actor Analyst { get; } = new("test:analyst", Role.SecurityAnalyst);

    protected static Actor Auditor { get; } = new("test:auditor", Role.Auditor);

    protected static Actor Uploader { get; } = new("test:ingest", Role.Ingest);

    protected PostgresFixture Postgres { get; } = postgres;

    protected Task<TrackingTestStore> StoreAsync(DatabaseProvider provider, TrackingPolicy? policy = null) =>
        TrackingTestStore.CreateAsync(provider, Postgres, policy);

    /// <summary>A partner with one app; returns the partner's actor.</summary>
    protected static async Task<Actor> SeedAppAsync(TrackingTestStore store, string appKey = "com.example.app", string kind = "connect")
    {
        var partner = await store.Get<PartnerService>().CreateAsync(Admin, new CreatePartnerRequest($"Vendor of {appKey}", "security@vendor.example"));
        await store.Get<AppService>().CreateAsync(Admin, new CreateAppRequest(appKey, "App " + appKey, kind, partner.Id, "https://app.vendor.example/atlassian-connect.json"));
        return new Actor("test:partner:" + appKey, Role.Partner, partner.Id);
    }

    protected static Task<IngestResult> IngestAsync(TrackingTestStore store, string appKey, Rampart.ScanReports.ScanReport report) =>
        store.Get<IngestService>().IngestAsync(Uploader, appKey, Reports.ToStream(report));

    protected static async Task<IReadOnlyList<TicketDto>> TicketsAsync(TrackingTestStore store, string? appKey = null) =>
        (await store.Get<TicketService>().ListAsync(Admin, new TicketQuery { AppKey = appKey, PageSize = 500 })).Items;
}
