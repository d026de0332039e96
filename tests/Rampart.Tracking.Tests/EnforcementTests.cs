using Rampart.TestSupport;
using static Rampart.Tracking.Tests.Reports;

namespace Rampart.Tracking.Tests;

public sealed class EnforcementTests(PostgresFixture postgres) : DbTest(postgres)
{
    private const string App = "com.example.app";

    [Theory, MemberData(nameof(Providers))]
    public async Task A_breached_critical_ticket_escalates_and_delists_and_a_verified_fix_relists(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("crit", check: "RMP-X-001", requirement: "1.1", severity: Catalog.Severity.Critical)]));
        var enforcement = store.Get<EnforcementService>();
        (await enforcement.RunAsync()).ShouldBe(new EnforcementResult(0, 0, 0, 0, 0));

        store.Time.Advance(TimeSpan.FromDays(28) + TimeSpan.FromMinutes(1));
        var run = await enforcement.RunAsync();

        run.Escalated.ShouldBe(1);
        run.Delisted.ShouldBe(1);
        var ticket = (await TicketsAsync(store, App)).Single();
        ticket.Status.ShouldBe(TicketStatus.Escalated);
        ticket.Overdue.ShouldBeTrue();
        var app = await store.Get<AppService>().GetAsync(Admin, App);
        app.Listing.State.ShouldBe(ListingState.Delisted);
        app.Listing.BlockingTicketIds.ShouldBe([ticket.Id]);
        app.Listing.Cause!.ShouldContain(ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await enforcement.RunAsync()).ShouldBe(new EnforcementResult(0, 0, 0, 0, 0));

        // The re-scan passes: ingest verifies the fix and its enforcement run relists the app.
        await IngestAsync(store, App, Report(App, [], [Requirement("1.1", ScanReports.RequirementStatus.Pass, "RMP-X-001")], ScanTime.AddDays(30)));
        var relisted = await store.Get<AppService>().GetAsync(Admin, App);
        relisted.Listing.State.ShouldBe(ListingState.Listed);
        relisted.Listing.BlockingTicketIds.ShouldBeEmpty();
        var audit = await store.Get<AuditService>().ListAsync(Auditor, new AuditQuery($"app:{App}"));
        audit.Items.Select(e => e.Action).ShouldContain("app.delisted");
        audit.Items.Select(e => e.Action).ShouldContain("app.relisted");
        audit.Items.Single(e => e.Action == "app.relisted").Reason!.ShouldContain("no blocking ticket remains");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_breached_medium_ticket_escalates_and_notifies_without_delisting(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("med", check: "RMP-X-003", requirement: "1.4", severity: Catalog.Severity.Medium)]));

        store.Time.Advance(TimeSpan.FromDays(57));
        var run = await store.Get<EnforcementService>().RunAsync();

        run.Escalated.ShouldBe(1);
        run.Delisted.ShouldBe(0);
        (await store.Get<AppService>().GetAsync(Admin, App)).Listing.State.ShouldBe(ListingState.Listed);
        var id = (await TicketsAsync(store, App)).Single().Id;
        var history = (await store.Get<TicketService>().GetAsync(Admin, id)).History;
        history.ShouldContain(e => e.Action == "notification.escalated" && e.After == "security@vendor.example");
        history.ShouldContain(e => e.Action == "ticket.transition" && e.After == "escalated" && e.Actor == "system");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Reminders_go_out_once_per_threshold_before_the_due_date(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("crit", check: "RMP-X-001", requirement: "1.1", severity: Catalog.Severity.Critical)]));
        var enforcement = store.Get<EnforcementService>();

        store.Time.Advance(TimeSpan.FromDays(13));
        (await enforcement.RunAsync()).Reminded.ShouldBe(0);
        store.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        (await enforcement.RunAsync()).Reminded.ShouldBe(1);
        (await enforcement.RunAsync()).Reminded.ShouldBe(0);
        store.Time.Advance(TimeSpan.FromDays(7));
        (await enforcement.RunAsync()).Reminded.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_approved_extension_moves_the_deadline_and_the_app_stays_listed(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        var partner = await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("crit", check: "RMP-X-001", requirement: "1.1", severity: Catalog.Severity.Critical)]));
        var tickets = store.Get<TicketService>();
        var ticket = (await TicketsAsync(store, App)).Single();
        await tickets.TransitionAsync(partner, ticket.Id, new TransitionRequest(TicketStatus.ExtensionRequested, Comment: "needs a vendor library release"));
        var newDue = ticket.DueDate.AddDays(14);
        await Should.ThrowAsync<ValidationException>(() => tickets.TransitionAsync(Analyst, ticket.Id, new TransitionRequest(TicketStatus.InProgress, DueDate: ticket.DueDate.AddDays(-1))));
        var approved = await tickets.TransitionAsync(Analyst, ticket.Id, new TransitionRequest(TicketStatus.InProgress, DueDate: newDue, Reason: "library release on the 20th"));
        approved.DueDate.ShouldBe(newDue);

        store.Time.Advance(TimeSpan.FromDays(30));
        (await store.Get<EnforcementService>().RunAsync()).Delisted.ShouldBe(0);
        store.Time.Advance(TimeSpan.FromDays(13));
        (await store.Get<EnforcementService>().RunAsync()).Delisted.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_ingest_that_moves_no_ticket_still_escalates_and_delists_a_breached_app(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        ScanReports.Finding[] findings = [Finding("crit", check: "RMP-X-001", requirement: "1.1", severity: Catalog.Severity.Critical)];
        await IngestAsync(store, App, Report(App, findings));

        // Ingest skips its enforcement run only when that run would find nothing; a breached ticket is something.
        store.Time.Advance(TimeSpan.FromDays(28) + TimeSpan.FromMinutes(1));
        var rescan = await IngestAsync(store, App, Report(App, findings, startedAt: ScanTime.AddDays(28)));

        rescan.Unchanged.ShouldBe(1);
        (await TicketsAsync(store, App)).Single().Status.ShouldBe(TicketStatus.Escalated);
        (await store.Get<AppService>().GetAsync(Admin, App)).Listing.State.ShouldBe(ListingState.Delisted);
        (await store.Get<EnforcementService>().RunAsync()).ShouldBe(new EnforcementResult(0, 0, 0, 0, 0));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_ingest_that_moves_no_ticket_still_sends_a_due_reminder_and_leaves_nothing_for_the_next_run(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        ScanReports.Finding[] findings = [Finding("high", severity: Catalog.Severity.High)];
        await IngestAsync(store, App, Report(App, findings));
        var enforcement = store.Get<EnforcementService>();
        (await enforcement.RunAsync()).ShouldBe(new EnforcementResult(0, 0, 0, 0, 0));

        store.Time.Advance(TimeSpan.FromDays(20));
        await IngestAsync(store, App, Report(App, findings, startedAt: ScanTime.AddDays(20)));
        (await enforcement.RunAsync()).ShouldBe(new EnforcementResult(0, 0, 0, 0, 0));

        // Whatever deadline the check's vector gives, a re-scan 13 days before it falls inside the 14-day reminder window.
        var ticket = (await TicketsAsync(store, App)).Single();
        store.Time.Advance(ticket.DueDate - store.Time.GetUtcNow() - TimeSpan.FromDays(13));
        await IngestAsync(store, App, Report(App, findings, startedAt: ScanTime.AddDays(40)));

        var history = await store.Get<AuditService>().ListAsync(Auditor, new AuditQuery($"ticket:{ticket.Id}"));
        history.Items.Count(e => e.Action == "notification.reminder").ShouldBe(1);
        (await enforcement.RunAsync()).ShouldBe(new EnforcementResult(0, 0, 0, 0, 0));
    }
}
