using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Rampart.TestSupport;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking.Tests;

/// <summary>Migrations that move data, run against a database that holds rows written by the schema before them.</summary>
public sealed class MigrationTests(PostgresFixture postgres) : DbTest(postgres)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Tickets_written_before_TicketPartner_take_their_apps_partner_and_partners_then_see_them(DatabaseProvider provider)
    {
        var tempDir = Directory.CreateTempSubdirectory("rampart-migration-").FullName;
        var options = provider == DatabaseProvider.Sqlite
            ? TrackingStoreOptions.ForDataDirectory(tempDir)
            : new TrackingStoreOptions(DatabaseProvider.PostgreSql, await Postgres.Server.CreateDatabaseAsync($"m_{Guid.NewGuid():N}"[..30]));
        var alice = Guid.NewGuid();
        var bob = Guid.NewGuid();
        try
        {
            var services = new ServiceCollection().AddRampartTracking(options).BuildServiceProvider();
            await using (services)
            {
                var factory = services.GetRequiredService<IDbContextFactory<TrackingDbContext>>();
                await using (var db = await factory.CreateDbContextAsync())
                {
                    await db.GetService<IMigrator>().MigrateAsync("TicketListIndex");
                    var uuid = (Guid g) => db.IsSqlite ? $"'{g.ToString().ToUpperInvariant()}'" : $"'{g}'::uuid";
                    var at = db.IsSqlite ? "'2026-03-02 09:00:00+00:00'" : "'2026-03-02T09:00:00Z'::timestamptz";
                    var due = db.IsSqlite ? "'2026-04-02 09:00:00+00:00'" : "'2026-04-02T09:00:00Z'::timestamptz";
                    // Raw SQL against the old schema: the current model already has the column this migration adds.
#pragma warning disable EF1002 // Only test-made constants are interpolated.
                    await db.Database.ExecuteSqlRawAsync($"""
                        INSERT INTO partners ("Id", "Name", "SecurityContactEmail", "CreatedAt") VALUES ({uuid(alice)}, 'Alice', 'security@alice.example', {at}), ({uuid(bob)}, 'Bob', 'security@bob.example', {at});
                        INSERT INTO apps ("Key", "Name", "Kind", "PartnerId", "CreatedAt", "ListingState", "ListingSince", "Version") VALUES
                          ('com.alice.app', 'A', 'connect', {uuid(alice)}, {at}, 'Listed', {at}, 0), ('com.bob.app', 'B', 'connect', {uuid(bob)}, {at}, 'Listed', {at}, 0);
                        INSERT INTO tickets ("AppId", "Fingerprint", "RequirementId", "CheckId", "Title", "Location", "Evidence", "EvidenceHash", "Severity", "CvssVector", "CvssScore", "Status", "DueDate", "ReportedAt", "UpdatedAt", "Version")
                          SELECT a."Id", 'fp-' || a."Key", '3', 'RMP-HSTS-001', 'No HSTS', 'https://x.example/', 'e', 'h', 'High', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5, 'Open', {due}, {at}, {at}, 0 FROM apps a;
                        """);
#pragma warning restore EF1002
                }

                await TrackingDatabase.MigrateAsync(services, CancellationToken.None);

                await using (var db = await factory.CreateDbContextAsync())
                {
                    var rows = await db.Tickets.AsNoTracking().Join(db.Apps, t => t.AppId, a => a.Id, (t, a) => new { a.Key, t.PartnerId }).ToListAsync();
                    rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.PartnerId)).ShouldBe([("com.alice.app", alice), ("com.bob.app", bob)]);
                }

                await using var scope = services.CreateAsyncScope();
                var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
                var page = await tickets.ListAsync(new Actor("test:alice", Role.Partner, alice), new TicketQuery());
                page.Items.Select(t => t.AppKey).ShouldBe(["com.alice.app"]);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(tempDir, recursive: true);
        }
    }
}
