using Rampart.TestSupport;
using static Rampart.Tracking.Tests.Reports;

namespace Rampart.Tracking.Tests;

public sealed class ExceptionTests(PostgresFixture postgres) : DbTest(postgres)
{
    private const string App = "com.example.app";

    [Theory, MemberData(nameof(Providers))]
    public async Task An_active_exception_suppresses_matching_tickets_until_it_expires(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("rest-1", location: "https://app.vendor.example/rest/a"), Finding("ui-1", location: "https://app.vendor.example/ui/a")]));
        var exceptions = store.Get<ExceptionService>();

        var granted = await exceptions.GrantAsync(Analyst, new GrantExceptionRequest(App, "3", "https://app.vendor.example/rest/*", "the product REST API the app needs does not support JWT", TrackingTestStore.Start.AddDays(30)));

        granted.Active.ShouldBeTrue();
        var statuses = (await TicketsAsync(store, App)).ToDictionary(t => t.Fingerprint, t => t.Status);
        statuses["rest-1"].ShouldBe(TicketStatus.ExceptionGranted);
        statuses["ui-1"].ShouldBe(TicketStatus.Open);

        // New matching findings open no ticket; non-matching ones do.
        var result = await IngestAsync(store, App, Report(App, [
            Finding("rest-1", location: "https://app.vendor.example/rest/a"),
            Finding("rest-2", location: "https://app.vendor.example/rest/b"),
            Finding("ui-1", location: "https://app.vendor.example/ui/a"),
            Finding("ui-2", location: "https://app.vendor.example/ui/b"),
        ], startedAt: ScanTime.AddDays(1)));
        result.ShouldBe(result with { Created = 1, Suppressed = 2, Unchanged = 1 });
        (await TicketsAsync(store, App)).Select(t => t.Fingerprint).ShouldNotContain("rest-2");

        // Expiry: the enforcement run reopens the suppressed ticket, and new matches open tickets again.
        store.Time.Advance(TimeSpan.FromDays(31));
        (await store.Get<EnforcementService>().RunAsync()).Reopened.ShouldBe(1);
        (await TicketsAsync(store, App)).Single(t => t.Fingerprint == "rest-1").Status.ShouldBe(TicketStatus.Open);
        (await exceptions.ListAsync(Admin, App)).Single().Active.ShouldBeFalse();
        var later = await IngestAsync(store, App, Report(App, [Finding("rest-2", location: "https://app.vendor.example/rest/b")], startedAt: ScanTime.AddDays(32)));
        later.Created.ShouldBe(1);
    }

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
