using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Rampart.TestSupport;
using Rampart.Tracking.Persistence;
using static Rampart.Tracking.Tests.Reports;

namespace Rampart.Tracking.Tests;

/// <summary>
/// The tracker's log events, captured through a real logger provider (<see cref="FakeLogCollector"/>): each has its
/// stable event id and the structured fields an operator filters on. The ids are the documented ones
/// (docs/architecture.md), written out here so that renumbering one fails a test.
/// </summary>
public sealed class LoggingTests(PostgresFixture postgres) : DbTest(postgres)
{
    private const string App = "com.example.app";

    [Theory, MemberData(nameof(Providers))]
    public async Task An_ingested_report_is_logged_with_the_app_its_counts_and_its_duration(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        // Two checks of requirement 3, so two tickets: the second report verifies one and leaves the other unchanged.
        var first = await IngestAsync(store, App, Report(App, [Finding("fp-1", check: "RMP-X-001"), Finding("fp-2")]));
        store.Logs.Clear();

        var second = await IngestAsync(store, App, Report(App, [Finding("fp-2")],
            [Requirement("3", ScanReports.RequirementStatus.Fail, "RMP-HSTS-001", "RMP-X-001")], startedAt: ScanTime.AddDays(1)));

        var record = store.Logs.GetSnapshot().Single(r => r.Id.Id == 1001);
        record.Id.Name.ShouldBe("ReportIngested");
        record.Level.ShouldBe(LogLevel.Information);
        record.Category.ShouldBe(typeof(IngestService).FullName);
        var fields = Fields(record);
        fields["App"].ShouldBe(App);
        fields["ReportId"].ShouldBe(second.ReportId.ToString());
        fields["ReportId"].ShouldNotBe(first.ReportId.ToString());
        (fields["Opened"], fields["Reopened"], fields["Verified"], fields["Unchanged"], fields["Suppressed"], fields["Duplicate"])
            .ShouldBe(("0", "0", "1", "1", "0", "False"));
        long.Parse(fields["DurationMs"]!, CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(0);
        record.Message.ShouldContain(App);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Escalating_delisting_and_relisting_are_logged_with_the_app_and_the_ticket(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("crit", check: "RMP-X-001", requirement: "1.1", severity: Catalog.Severity.Critical)]));
        var ticket = (await TicketsAsync(store, App)).Single().Id.ToString(CultureInfo.InvariantCulture);
        var enforcement = store.Get<EnforcementService>();
        await enforcement.RunAsync();
        store.Logs.GetSnapshot().ShouldNotContain(r => r.Id.Id >= 1200 && r.Id.Id < 1300, "nothing is due yet");

        store.Time.Advance(TimeSpan.FromDays(28) + TimeSpan.FromMinutes(1));
        await enforcement.RunAsync();

        var escalated = Fields(store.Logs.GetSnapshot().Single(r => r.Id.Id == 1201));
        (escalated["App"], escalated["TicketId"], escalated["Severity"], escalated["Action"]).ShouldBe((App, ticket, "critical", "delist"));
        var delisted = store.Logs.GetSnapshot().Single(r => r.Id.Id == 1202);
        delisted.Id.Name.ShouldBe("AppDelisted");
        delisted.Level.ShouldBe(LogLevel.Warning);
        (Fields(delisted)["App"], Fields(delisted)["TicketIds"]).ShouldBe((App, ticket));
        store.Logs.Clear();

        await enforcement.RunAsync();
        store.Logs.GetSnapshot().ShouldNotContain(r => r.Id.Id >= 1200 && r.Id.Id < 1300, "a run that decides nothing logs no decision");

        await IngestAsync(store, App, Report(App, [], [Requirement("1.1", ScanReports.RequirementStatus.Pass, "RMP-X-001")], ScanTime.AddDays(30)));
        var relisted = Fields(store.Logs.GetSnapshot().Single(r => r.Id.Id == 1203));
        (relisted["App"], relisted["TicketIds"]).ShouldBe((App, ticket));
    }

    [Fact]
    public async Task A_retried_conflict_is_logged_with_the_operation_the_reason_and_the_attempt()
    {
        var logger = new FakeLogger();
        var attempts = 0;

        var result = await Retry.OnConflictAsync(logger, "ingest", _ =>
            ++attempts < 3 ? throw new DbUpdateConcurrencyException("lost the race") : Task.FromResult("done"), CancellationToken.None);

        result.ShouldBe("done");
        var retries = logger.Collector.GetSnapshot();
        retries.Select(r => (r.Id.Id, r.Level)).ShouldBe([(1101, LogLevel.Warning), (1101, LogLevel.Warning)]);
        retries.Select(r => Fields(r)["Attempt"]).ShouldBe(["1", "2"]);
        Fields(retries[0])["Operation"].ShouldBe("ingest");
        Fields(retries[0])["Reason"].ShouldBe("concurrency");
    }

    [Fact]
    public async Task Migrating_a_new_database_logs_every_migration_it_applied()
    {
        await using var store = await StoreAsync(DatabaseProvider.Sqlite);
        await using var db = await store.Get<IDbContextFactory<TrackingDbContext>>().CreateDbContextAsync();
        var migrations = db.Database.GetMigrations().ToList();
        migrations.ShouldNotBeEmpty();

        var fields = Fields(store.Logs.GetSnapshot().Single(r => r.Id.Id == 1301));
        fields["Count"].ShouldBe(migrations.Count.ToString(CultureInfo.InvariantCulture));
        fields["Provider"].ShouldBe("Sqlite");
        fields["Migrations"].ShouldBe(string.Join(", ", migrations));
    }

    private static Dictionary<string, string?> Fields(FakeLogRecord record) =>
        (record.StructuredState ?? []).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
}
