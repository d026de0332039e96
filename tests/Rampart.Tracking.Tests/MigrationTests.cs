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

    [Theory, MemberData(nameof(Providers))]
    public async Task Tickets_of_one_requirement_and_check_written_before_TicketInstances_merge_into_one_ticket_with_their_instances(DatabaseProvider provider)
    {
        var tempDir = Directory.CreateTempSubdirectory("rampart-migration-").FullName;
        var options = provider == DatabaseProvider.Sqlite
            ? TrackingStoreOptions.ForDataDirectory(tempDir)
            : new TrackingStoreOptions(DatabaseProvider.PostgreSql, await Postgres.Server.CreateDatabaseAsync($"m_{Guid.NewGuid():N}"[..30]));
        var alice = Guid.NewGuid();
        try
        {
            var services = new ServiceCollection().AddRampartTracking(options).BuildServiceProvider();
            await using (services)
            {
                var factory = services.GetRequiredService<IDbContextFactory<TrackingDbContext>>();
                await using (var db = await factory.CreateDbContextAsync())
                {
                    await db.GetService<IMigrator>().MigrateAsync("TicketPartner");
                    var uuid = (Guid g) => db.IsSqlite ? $"'{g.ToString().ToUpperInvariant()}'" : $"'{g}'::uuid";
                    var date = (int day) => db.IsSqlite
                        ? new DateTimeOffset(2026, 3, day, 9, 0, 0, TimeSpan.Zero).UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : $"'2026-03-{day:00}T09:00:00Z'::timestamptz";
                    string Ticket(string fingerprint, string requirement, string check, string severity, double score, string status, int due, int reported) =>
                        $"((SELECT \"Id\" FROM apps WHERE \"Key\" = 'com.alice.app'), {uuid(alice)}, '{fingerprint}', '{requirement}', '{check}', 'Title {fingerprint}', "
                        + $"'https://x.example/{fingerprint}', 'evidence {fingerprint}', 'hash-{fingerprint}', '{severity}', 'CVSS:3.1/{severity}', {score.ToString(System.Globalization.CultureInfo.InvariantCulture)}, "
                        + $"'{status}', {date(due)}, {date(reported)}, {date(reported)}, 0)";
                    // Raw SQL against the old schema: one ticket per fingerprint.
#pragma warning disable EF1002 // Only test-made constants are interpolated.
                    await db.Database.ExecuteSqlRawAsync($"""
                        INSERT INTO partners ("Id", "Name", "SecurityContactEmail", "CreatedAt") VALUES ({uuid(alice)}, 'Alice', 'security@alice.example', {date(1)});
                        INSERT INTO apps ("Key", "Name", "Kind", "PartnerId", "CreatedAt", "ListingState", "ListingSince", "Version") VALUES
                          ('com.alice.app', 'A', 'connect', {uuid(alice)}, {date(1)}, 'Listed', {date(1)}, 0);
                        INSERT INTO tickets ("AppId", "PartnerId", "Fingerprint", "RequirementId", "CheckId", "Title", "Location", "Evidence", "EvidenceHash", "Severity", "CvssVector", "CvssScore", "Status", "DueDate", "ReportedAt", "UpdatedAt", "Version") VALUES
                          {Ticket("a1", "3", "RMP-HSTS-001", "Medium", 5.0, "VerifiedFixed", 20, 2)},
                          {Ticket("a2", "3", "RMP-HSTS-001", "High", 7.5, "InProgress", 25, 4)},
                          {Ticket("a3", "3", "RMP-HSTS-001", "Medium", 5.0, "Open", 22, 3)},
                          {Ticket("b1", "7", "RMP-CSP-001", "Low", 3.0, "FalsePositive", 28, 5)};
                        INSERT INTO comments ("TicketId", "At", "Author", "AuthorRole", "Text") SELECT "Id", {date(6)}, 'partner', 'Partner', 'on ' || "Fingerprint" FROM tickets;
                        """);
#pragma warning restore EF1002
                    var ids = await db.Database.SqlQueryRaw<long>("SELECT \"Id\" AS \"Value\" FROM tickets ORDER BY \"Id\"").ToListAsync();
                    await db.Database.ExecuteSqlAsync($"UPDATE apps SET \"ListingState\" = 'Delisted', \"BlockingTicketIds\" = {string.Join(',', ids[1], ids[2], ids[3])}");
                }

                await TrackingDatabase.MigrateAsync(services, CancellationToken.None);

                await using (var db = await factory.CreateDbContextAsync())
                {
                    var tickets = await db.Tickets.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
                    tickets.Count.ShouldBe(2);
                    var (hsts, csp) = (tickets[0], tickets[1]);
                    // The survivor is the group's lowest id, with its first instance's location; the most urgent active
                    // status, the earliest active due date, the earliest report and the highest severity of the group.
                    (hsts.Fingerprint, hsts.Location, hsts.RequirementId, hsts.CheckId).ShouldBe(("a1", "https://x.example/a1", "3", "RMP-HSTS-001"));
                    hsts.Status.ShouldBe(TicketStatus.Open);
                    hsts.DueDate.ShouldBe(new DateTimeOffset(2026, 3, 22, 9, 0, 0, TimeSpan.Zero));
                    hsts.ReportedAt.ShouldBe(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
                    (hsts.Severity, hsts.CvssScore, hsts.CvssVector).ShouldBe((TicketSeverity.High, 7.5, "CVSS:3.1/High"));
                    (csp.Fingerprint, csp.Status, csp.Severity).ShouldBe(("b1", TicketStatus.FalsePositive, TicketSeverity.Low));

                    var instances = await db.Instances.AsNoTracking().OrderBy(i => i.Fingerprint).ToListAsync();
                    instances.Select(i => (i.TicketId, i.Fingerprint, i.State)).ShouldBe([
                        (hsts.Id, "a1", InstanceState.Fixed), (hsts.Id, "a2", InstanceState.Open), (hsts.Id, "a3", InstanceState.Open), (csp.Id, "b1", InstanceState.FalsePositive)]);
                    instances[1].Evidence.ShouldBe("evidence a2");

                    var comments = await db.Comments.AsNoTracking().OrderBy(c => c.Text).Select(c => new { c.TicketId, c.Text }).ToListAsync();
                    comments.Select(c => (c.TicketId, c.Text)).ShouldBe([(hsts.Id, "on a1"), (hsts.Id, "on a2"), (hsts.Id, "on a3"), (csp.Id, "on b1")]);

                    var app = await db.Apps.AsNoTracking().SingleAsync();
                    app.BlockingTicketIds.ShouldBe($"{hsts.Id},{csp.Id}");

                    var merged = await db.Audit.AsNoTracking().Where(e => e.Action == "ticket.merged").ToListAsync();
                    merged.Select(e => (e.Subject, e.Before)).ShouldBe([($"ticket:{hsts.Id}", $"{hsts.Id + 1},{hsts.Id + 2}")]);
                }

                // The new uniqueness holds: a second ticket for the same (app, requirement, check) is refused.
                await using (var db = await factory.CreateDbContextAsync())
                {
                    var copy = await db.Tickets.AsNoTracking().FirstAsync();
                    copy.Id = 0;
                    copy.Fingerprint = "other";
                    db.Tickets.Add(copy);
                    await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(tempDir, recursive: true);
        }
    }
}
