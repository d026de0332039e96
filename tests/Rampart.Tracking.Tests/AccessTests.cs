using Rampart.TestSupport;
using static Rampart.Tracking.Tests.Reports;

namespace Rampart.Tracking.Tests;

public sealed class AccessTests(PostgresFixture postgres) : DbTest(postgres)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task A_partner_sees_only_its_own_apps_and_tickets_and_gets_not_found_for_others(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        var alice = await SeedAppAsync(store, "com.alice.app");
        var bob = await SeedAppAsync(store, "com.bob.app");
        await IngestAsync(store, "com.alice.app", Report("com.alice.app", [Finding("a-1")]));
        await IngestAsync(store, "com.bob.app", Report("com.bob.app", [Finding("b-1")]));
        var tickets = store.Get<TicketService>();
        var bobTicket = (await TicketsAsync(store, "com.bob.app")).Single();

        (await store.Get<AppService>().ListAsync(alice)).Select(a => a.Key).ShouldBe(["com.alice.app"]);
        await Should.ThrowAsync<NotFoundException>(() => store.Get<AppService>().GetAsync(alice, "com.bob.app"));
        (await tickets.ListAsync(alice, new TicketQuery())).Items.Select(t => t.AppKey).ShouldBe(["com.alice.app"]);
        (await tickets.ListAsync(alice, new TicketQuery { AppKey = "com.bob.app" })).Total.ShouldBe(0);
        await Should.ThrowAsync<NotFoundException>(() => tickets.GetAsync(alice, bobTicket.Id));
        await Should.ThrowAsync<NotFoundException>(() => tickets.TransitionAsync(alice, bobTicket.Id, new TransitionRequest(TicketStatus.InProgress)));
        await Should.ThrowAsync<NotFoundException>(() => tickets.CommentAsync(alice, bobTicket.Id, new CommentRequest("hi")));
        await Should.ThrowAsync<NotFoundException>(() => store.Get<PartnerService>().GetAsync(alice, bob.PartnerId!.Value));
        (await store.Get<PartnerService>().ListAsync(alice)).Single().Id.ShouldBe(alice.PartnerId!.Value);

        // Bob's own vendor moves work; review moves do not.
        (await tickets.TransitionAsync(bob, bobTicket.Id, new TransitionRequest(TicketStatus.InProgress))).Status.ShouldBe(TicketStatus.InProgress);
        await Should.ThrowAsync<IllegalTransitionException>(() => tickets.TransitionAsync(bob, bobTicket.Id, new TransitionRequest(TicketStatus.FalsePositive, Reason: "no")));
        (await tickets.TransitionAsync(bob, bobTicket.Id, new TransitionRequest(TicketStatus.WorkaroundProposed))).Status.ShouldBe(TicketStatus.WorkaroundProposed);
        await Should.ThrowAsync<IllegalTransitionException>(() => tickets.TransitionAsync(bob, bobTicket.Id, new TransitionRequest(TicketStatus.Mitigated, Reason: "yes")));
        await Should.ThrowAsync<ForbiddenException>(() => tickets.SetSeverityAsync(bob, bobTicket.Id, new SeverityOverride("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", "meh")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Auditors_only_read_and_the_ingest_role_only_uploads(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, "com.example.app", Report("com.example.app", [Finding("fp-1")]));
        var tickets = store.Get<TicketService>();
        var id = (await tickets.ListAsync(Auditor, new TicketQuery())).Items.Single().Id;

        (await tickets.GetAsync(Auditor, id)).Status.ShouldBe(TicketStatus.Open);
        await Should.ThrowAsync<ForbiddenException>(() => tickets.TransitionAsync(Auditor, id, new TransitionRequest(TicketStatus.InProgress)));
        await Should.ThrowAsync<ForbiddenException>(() => tickets.CommentAsync(Auditor, id, new CommentRequest("x")));
        await Should.ThrowAsync<ForbiddenException>(() => store.Get<PartnerService>().CreateAsync(Auditor, new CreatePartnerRequest("x", "a@b.example")));
        await Should.ThrowAsync<ForbiddenException>(() => tickets.ListAsync(Uploader, new TicketQuery()));
        await Should.ThrowAsync<ForbiddenException>(() => store.Get<AppService>().GetAsync(Uploader, "com.example.app"));
        await Should.ThrowAsync<ForbiddenException>(() => tickets.TransitionAsync(Uploader, id, new TransitionRequest(TicketStatus.InProgress)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Partners_and_apps_are_validated_field_by_field(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        var partners = store.Get<PartnerService>();
        var bad = await Should.ThrowAsync<ValidationException>(() => partners.CreateAsync(Admin, new CreatePartnerRequest("", "not-an-email")));
        bad.Errors.Keys.ShouldBe(["name", "securityContactEmail"], ignoreOrder: true);
        (await Should.ThrowAsync<ValidationException>(() => partners.CreateAsync(Admin, new CreatePartnerRequest("V", "")))).Errors.ShouldContainKey("securityContactEmail");
        (await Should.ThrowAsync<ValidationException>(() => partners.CreateAsync(Admin, new CreatePartnerRequest("V", "Sec <sec@v.example>")))).Errors.ShouldContainKey("securityContactEmail");

        var partner = await partners.CreateAsync(Admin, new CreatePartnerRequest("Vendor", "sec@vendor.example"));
        var apps = store.Get<AppService>();
        var badApp = await Should.ThrowAsync<ValidationException>(() => apps.CreateAsync(Admin, new CreateAppRequest("bad key", "", "plugin", Guid.Empty, "ftp://x")));
        badApp.Errors.Keys.ShouldBe(["key", "name", "kind", "partnerId", "descriptorUrl"], ignoreOrder: true);
        (await Should.ThrowAsync<ValidationException>(() => apps.CreateAsync(Admin, new CreateAppRequest("k", "n", "forge", Guid.NewGuid())))).Errors.ShouldContainKey("partnerId");

        var app = await apps.CreateAsync(Admin, new CreateAppRequest("com.vendor.app", "App", "forge-egress", partner.Id));
        app.Listing.State.ShouldBe(ListingState.Listed);
        await Should.ThrowAsync<ConflictException>(() => apps.CreateAsync(Admin, new CreateAppRequest("com.vendor.app", "App", "forge", partner.Id)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Ticket_lists_filter_page_and_order_by_due_date_then_id(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, "com.example.app", Report("com.example.app", [
            Finding("low", check: "RMP-X-004", requirement: "1.5", severity: Catalog.Severity.Low),
            Finding("crit", check: "RMP-X-001", requirement: "1.1", severity: Catalog.Severity.Critical),
            Finding("h1", check: "RMP-X-011", severity: Catalog.Severity.Medium), Finding("h2", check: "RMP-X-012", severity: Catalog.Severity.Medium), Finding("h3", check: "RMP-X-013", severity: Catalog.Severity.Medium),
        ]));
        var tickets = store.Get<TicketService>();

        var all = await tickets.ListAsync(Admin, new TicketQuery { PageSize = 2 });
        all.Total.ShouldBe(5);
        all.Items.Select(t => t.Fingerprint).First().ShouldBe(Fp("crit"));
        var pages = new List<TicketDto>();
        for (var page = 1; page <= 3; page++)
        {
            pages.AddRange((await tickets.ListAsync(Admin, new TicketQuery { Page = page, PageSize = 2 })).Items);
        }

        pages.Select(t => t.Fingerprint).ShouldBe([Fp("crit"), Fp("h1"), Fp("h2"), Fp("h3"), Fp("low")]);
        (await tickets.ListAsync(Admin, new TicketQuery { Severity = TicketSeverity.Medium })).Total.ShouldBe(3);
        (await tickets.ListAsync(Admin, new TicketQuery { Status = TicketStatus.Open })).Total.ShouldBe(5);
        (await tickets.ListAsync(Admin, new TicketQuery { Overdue = true })).Total.ShouldBe(0);
        store.Time.Advance(TimeSpan.FromDays(57));
        (await tickets.ListAsync(Admin, new TicketQuery { Overdue = true })).Items.Select(t => t.Fingerprint).ShouldBe([Fp("crit"), Fp("h1"), Fp("h2"), Fp("h3")]);
        (await tickets.ListAsync(Admin, new TicketQuery { Overdue = false })).Items.Select(t => t.Fingerprint).ShouldBe([Fp("low")]);
        (await Should.ThrowAsync<ValidationException>(() => tickets.ListAsync(Admin, new TicketQuery { PageSize = 501 }))).Errors.ShouldContainKey("pageSize");
    }
}
