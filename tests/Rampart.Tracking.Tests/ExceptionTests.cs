using Rampart.TestSupport;
using static Rampart.Tracking.Tests.Reports;

namespace Rampart.Tracking.Tests;

public sealed class ExceptionTests(PostgresFixture postgres) : DbTest(postgres)
{
    private const string App = "com.example.app";

    [Theory, MemberData(nameof(Providers))]
    public async Task An_exception_with_a_location_pattern_covers_the_matching_instances_and_leaves_the_ticket_open_for_the_rest(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("rest-1", location: "https://app.vendor.example/rest/a"), Finding("ui-1", location: "https://app.vendor.example/ui/a")]));
        var exceptions = store.Get<ExceptionService>();
        var ticket = (await TicketsAsync(store, App)).Single();

        var granted = await exceptions.GrantAsync(Analyst, new GrantExceptionRequest(App, "3", "https://app.vendor.example/rest/*", "the product REST API the app needs does not support JWT", TrackingTestStore.Start.AddDays(30)));

        granted.Active.ShouldBeTrue();
        (await TicketsAsync(store, App)).Single().Status.ShouldBe(TicketStatus.Open);
        (await InstancesAsync(store, ticket.Id)).ShouldBe([(Fp("rest-1"), InstanceState.Excepted), (Fp("ui-1"), InstanceState.Open)]);

        // New matching locations join the ticket excepted, non-matching ones open; the ticket stays open for them.
        var result = await IngestAsync(store, App, Report(App, [
            Finding("rest-1", location: "https://app.vendor.example/rest/a"),
            Finding("rest-2", location: "https://app.vendor.example/rest/b"),
            Finding("ui-1", location: "https://app.vendor.example/ui/a"),
            Finding("ui-2", location: "https://app.vendor.example/ui/b"),
        ], startedAt: ScanTime.AddDays(1)));
        result.ShouldBe(result with { Created = 0, Suppressed = 0, Unchanged = 1 });
        (await InstancesAsync(store, ticket.Id)).ShouldBe([
            (Fp("rest-1"), InstanceState.Excepted), (Fp("ui-1"), InstanceState.Open), (Fp("rest-2"), InstanceState.Excepted), (Fp("ui-2"), InstanceState.Open)]);

        // After expiry the next scan counts the matching locations again.
        store.Time.Advance(TimeSpan.FromDays(31));
        (await exceptions.ListAsync(Admin, App)).Single().Active.ShouldBeFalse();
        await IngestAsync(store, App, Report(App, [Finding("rest-2", location: "https://app.vendor.example/rest/b")], startedAt: ScanTime.AddDays(32)));
        (await InstancesAsync(store, ticket.Id)).Single(i => i.Fingerprint == Fp("rest-2")).State.ShouldBe(InstanceState.Open);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_exception_without_a_location_pattern_covers_the_whole_ticket_until_it_expires(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("rest-1", location: "https://app.vendor.example/rest/a"), Finding("ui-1", location: "https://app.vendor.example/ui/a")]));
        var exceptions = store.Get<ExceptionService>();
        var ticket = (await TicketsAsync(store, App)).Single();

        await exceptions.GrantAsync(Analyst, new GrantExceptionRequest(App, "3", null, "accepted until the rewrite", TrackingTestStore.Start.AddDays(30)));

        (await TicketsAsync(store, App)).Single().Status.ShouldBe(TicketStatus.ExceptionGranted);
        (await InstancesAsync(store, ticket.Id)).ShouldAllBe(i => i.State == InstanceState.Excepted);

        // A new location of the requirement joins the excepted ticket, and no new ticket opens.
        var result = await IngestAsync(store, App, Report(App, [Finding("ui-2", location: "https://app.vendor.example/ui/b")], startedAt: ScanTime.AddDays(1)));
        result.ShouldBe(result with { Created = 0, Suppressed = 1 });
        (await TicketsAsync(store, App)).Count.ShouldBe(1);
        (await InstancesAsync(store, ticket.Id)).Last().ShouldBe((Fp("ui-2"), InstanceState.Excepted));

        // Expiry: the enforcement run reopens the ticket, and the next scan counts its locations again.
        store.Time.Advance(TimeSpan.FromDays(31));
        (await store.Get<EnforcementService>().RunAsync()).Reopened.ShouldBe(1);
        (await TicketsAsync(store, App)).Single().Status.ShouldBe(TicketStatus.Open);
        var later = await IngestAsync(store, App, Report(App, [Finding("ui-2", location: "https://app.vendor.example/ui/b")], startedAt: ScanTime.AddDays(32)));
        later.ShouldBe(later with { Created = 0, Unchanged = 1 });
        (await InstancesAsync(store, ticket.Id)).Last().ShouldBe((Fp("ui-2"), InstanceState.Open));
    }

    private static async Task<List<(string Fingerprint, InstanceState State)>> InstancesAsync(TrackingTestStore store, long ticketId) =>
        [.. (await store.Get<TicketService>().GetAsync(Admin, ticketId)).Instances.Select(i => (i.Fingerprint, i.State))];

    [Theory, MemberData(nameof(Providers))]
    public async Task Revoking_an_exception_reopens_its_tickets_and_is_audited(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        var partner = await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("fp-1")]));
        var exceptions = store.Get<ExceptionService>();
        var granted = await exceptions.GrantAsync(Admin, new GrantExceptionRequest(App, "3", null, "accepted risk", TrackingTestStore.Start.AddDays(10)));
        (await exceptions.ListAsync(partner)).Count.ShouldBe(1);
        await Should.ThrowAsync<ForbiddenException>(() => exceptions.GrantAsync(partner, new GrantExceptionRequest(App, "3", null, "x", TrackingTestStore.Start.AddDays(10))));
        await Should.ThrowAsync<ValidationException>(() => exceptions.GrantAsync(Admin, new GrantExceptionRequest(App, "3", null, "", TrackingTestStore.Start.AddDays(-1))));

        var revoked = await exceptions.RevokeAsync(Admin, granted.Id);

        revoked.Active.ShouldBeFalse();
        (await TicketsAsync(store, App)).Single().Status.ShouldBe(TicketStatus.Open);
        var audit = await store.Get<AuditService>().ListAsync(Admin, new AuditQuery($"exception:{granted.Id}"));
        audit.Items.Select(e => e.Action).ShouldBe(["exception.granted", "exception.revoked"]);
        await Should.ThrowAsync<ConflictException>(() => exceptions.RevokeAsync(Admin, granted.Id));
    }
}
