using Microsoft.EntityFrameworkCore;
using Rampart.TestSupport;
using Rampart.Tracking.Persistence;
using static Rampart.Tracking.Tests.Reports;

namespace Rampart.Tracking.Tests;

/// <summary>
/// A manual change to a ticket (transition, severity override, exception) and the enforcement run it causes share one
/// transaction, as ingest does: when enforcement fails in the database the change is rolled back with it, and when it
/// succeeds its effect is there together with the change.
/// </summary>
public sealed class TicketTransactionTests(PostgresFixture postgres) : DbTest(postgres)
{
    private const string App = "com.example.app";

    // CVSS 3.1 base 9.8: critical (28 days, breach delists).
    private const string CriticalVector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    [Theory, MemberData(nameof(Providers))]
    public async Task A_transition_whose_enforcement_fails_is_rolled_back_and_succeeds_with_its_enforcement_once_the_failure_is_gone(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        var partner = await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("crit", check: "RMP-X-001", requirement: "1.1", severity: Catalog.Severity.Critical)]));
        var ticket = (await TicketsAsync(store, App)).Single();
        // Past due, and no enforcement run since: the transition's own run escalates the ticket and delists the app.
        store.Time.Advance(TimeSpan.FromDays(28) + TimeSpan.FromMinutes(1));
        var drop = await FailAuditInsertAsync(store, provider, "app.delisted");

        await Should.ThrowAsync<DbUpdateException>(() =>
            store.Get<TicketService>().TransitionAsync(partner, ticket.Id, new TransitionRequest(TicketStatus.InProgress, Comment: "on it")));

        var after = await store.Get<TicketService>().GetAsync(Admin, ticket.Id);
        after.Status.ShouldBe(TicketStatus.Open);
        after.Comments.ShouldBeEmpty();
        after.History.Select(e => e.Action).ShouldBe(["ticket.created"]);
        (await store.Get<AppService>().GetAsync(Admin, App)).Listing.State.ShouldBe(ListingState.Listed);

        await drop();
        var moved = await store.Get<TicketService>().TransitionAsync(partner, ticket.Id, new TransitionRequest(TicketStatus.InProgress, Comment: "on it"));

        moved.Status.ShouldBe(TicketStatus.Escalated);
        moved.History.Select(e => (e.Action, e.After)).ShouldBe(
            [("ticket.created", "open"), ("ticket.transition", "in-progress"), ("ticket.comment", "on it"), ("ticket.transition", "escalated"), ("notification.escalated", "security@vendor.example")]);
        (await store.Get<AppService>().GetAsync(Admin, App)).Listing.BlockingTicketIds.ShouldBe([ticket.Id]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_severity_override_whose_enforcement_fails_is_rolled_back_and_succeeds_with_its_enforcement_once_the_failure_is_gone(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("med", check: "RMP-X-003", requirement: "1.4", severity: Catalog.Severity.Medium)]));
        var ticket = (await TicketsAsync(store, App)).Single();
        ticket.Severity.ShouldBe(TicketSeverity.Medium);
        // Day 30: within the medium deadline (56 days), past the critical one (28) the override gives it.
        store.Time.Advance(TimeSpan.FromDays(30));
        var drop = await FailAuditInsertAsync(store, provider, "app.delisted");
        var service = store.Get<TicketService>();

        await Should.ThrowAsync<DbUpdateException>(() => service.SetSeverityAsync(Analyst, ticket.Id, new SeverityOverride(CriticalVector, "remote code execution")));

        var after = await service.GetAsync(Admin, ticket.Id);
        (after.Severity, after.DueDate, after.Status, after.SeverityReason).ShouldBe((TicketSeverity.Medium, ticket.DueDate, TicketStatus.Open, null));
        after.History.Select(e => e.Action).ShouldBe(["ticket.created"]);
        (await store.Get<AppService>().GetAsync(Admin, App)).Listing.State.ShouldBe(ListingState.Listed);

        await drop();
        var raised = await service.SetSeverityAsync(Analyst, ticket.Id, new SeverityOverride(CriticalVector, "remote code execution"));

        (raised.Severity, raised.DueDate, raised.Status).ShouldBe((TicketSeverity.Critical, ticket.ReportedAt.AddDays(28), TicketStatus.Escalated));
        raised.History.Select(e => e.Action).ShouldBe(["ticket.created", "ticket.severity", "ticket.transition", "notification.escalated"]);
        var app = await store.Get<AppService>().GetAsync(Admin, App);
        app.Listing.State.ShouldBe(ListingState.Delisted);
        app.Listing.BlockingTicketIds.ShouldBe([ticket.Id]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Revoking_an_exception_whose_enforcement_fails_is_rolled_back(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("crit", check: "RMP-X-001", requirement: "1.1", severity: Catalog.Severity.Critical)]));
        var ticket = (await TicketsAsync(store, App)).Single();
        var exceptions = store.Get<ExceptionService>();
        var granted = await exceptions.GrantAsync(Admin, new GrantExceptionRequest(App, "1.1", null, "compensating control", TrackingTestStore.Start.AddDays(90)));
        (await TicketsAsync(store, App)).Single().Status.ShouldBe(TicketStatus.ExceptionGranted);
        // Past the ticket's deadline: revoking reopens it, and the revocation's own enforcement run escalates it and delists.
        store.Time.Advance(TimeSpan.FromDays(29));
        var drop = await FailAuditInsertAsync(store, provider, "app.delisted");

        await Should.ThrowAsync<DbUpdateException>(() => exceptions.RevokeAsync(Admin, granted.Id));

        (await exceptions.ListAsync(Admin, App)).Single().Active.ShouldBeTrue();
        (await TicketsAsync(store, App)).Single().Status.ShouldBe(TicketStatus.ExceptionGranted);
        (await store.Get<AppService>().GetAsync(Admin, App)).Listing.State.ShouldBe(ListingState.Listed);

        await drop();
        await exceptions.RevokeAsync(Admin, granted.Id);

        (await TicketsAsync(store, App)).Single().Status.ShouldBe(TicketStatus.Escalated);
        (await store.Get<AppService>().GetAsync(Admin, App)).Listing.BlockingTicketIds.ShouldBe([ticket.Id]);
    }

    /// <summary>Makes every audit insert of <paramref name="action"/> fail in the database; returns the undo.</summary>
    private static async Task<Func<Task>> FailAuditInsertAsync(TrackingTestStore store, DatabaseProvider provider, string action)
    {
        var (create, drop) = provider == DatabaseProvider.Sqlite
            ? ($"CREATE TRIGGER test_fail BEFORE INSERT ON audit_log WHEN NEW.Action = '{action}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
               "DROP TRIGGER test_fail;")
            : ($"""
               CREATE FUNCTION test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."Action" = '{action}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END; $$;
               CREATE TRIGGER test_fail BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_fail();
               """,
               "DROP TRIGGER test_fail ON audit_log; DROP FUNCTION test_fail();");
        var factory = store.Get<IDbContextFactory<TrackingDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync(create);
        }

        return async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.ExecuteSqlRawAsync(drop);
        };
    }
}
