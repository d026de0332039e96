using Rampart.TestSupport;
using static Rampart.Tracking.Tests.Reports;

namespace Rampart.Tracking.Tests;

/// <summary>A false-positive decision with a location pattern covers the open instances it matches, as an exception's
/// pattern does; without one it covers the whole ticket.</summary>
public sealed class FalsePositivePatternTests(PostgresFixture postgres) : DbTest(postgres)
{
    private const string App = "com.example.app";
    private const string Rest = "https://app.vendor.example/rest/*";

    [Theory, MemberData(nameof(Providers))]
    public async Task A_pattern_covers_the_matching_open_instances_only_and_the_ticket_keeps_its_status(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Rest1(), Ui1()]));
        var tickets = store.Get<TicketService>();
        var ticket = (await TicketsAsync(store, App)).Single();

        var decided = await tickets.TransitionAsync(Analyst, ticket.Id, new TransitionRequest(TicketStatus.FalsePositive, Reason: "the REST API is behind the CDN's HSTS", LocationPattern: Rest));

        decided.Status.ShouldBe(TicketStatus.Open);
        decided.Instances.Select(i => (i.Fingerprint, i.State, i.FalsePositivePattern))
            .ShouldBe([(Fp("rest-1"), InstanceState.FalsePositive, Rest), (Fp("ui-1"), InstanceState.Open, null)]);
        var entry = decided.History.Single(e => e.Action == "ticket.false-positive");
        entry.After.ShouldBe($"locations {Rest}: 1 instance(s) false-positive, 1 open");
        entry.Reason.ShouldBe("the REST API is behind the CDN's HSTS");
        decided.History.ShouldNotContain(e => e.Action == "ticket.transition");

        // A later scan: the matching instance with unchanged evidence stays false-positive, a new location that does not
        // match opens, and the ticket stays open for it and the rest.
        var later = await IngestAsync(store, App, Report(App, [Rest1(), Ui1(), Finding("ui-2", location: "https://app.vendor.example/ui/b")], startedAt: ScanTime.AddDays(1)));
        later.ShouldBe(later with { Created = 0, Reopened = 0, Unchanged = 1 });
        var after = await tickets.GetAsync(Admin, ticket.Id);
        after.Status.ShouldBe(TicketStatus.Open);
        after.Instances.Select(i => (i.Fingerprint, i.State, i.FalsePositivePattern))
            .ShouldBe([(Fp("rest-1"), InstanceState.FalsePositive, Rest), (Fp("ui-1"), InstanceState.Open, null), (Fp("ui-2"), InstanceState.Open, null)]);

        // Changed evidence at the matching location ends the decision there, as it does for a whole-ticket one.
        await IngestAsync(store, App, Report(App, [Rest1("Strict-Transport-Security: max-age=0"), Ui1()], startedAt: ScanTime.AddDays(2)));
        (await tickets.GetAsync(Admin, ticket.Id)).Instances.First().ShouldBe(after.Instances.First() with
        {
            Evidence = "Strict-Transport-Security: max-age=0",
            State = InstanceState.Open,
            FalsePositivePattern = null,
            LastSeen = store.Time.GetUtcNow(),
        });
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_pattern_that_leaves_no_open_instance_moves_the_ticket_and_its_entry_names_the_pattern(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Rest1(), Ui1()]));
        var tickets = store.Get<TicketService>();
        var ticket = (await TicketsAsync(store, App)).Single();

        await tickets.TransitionAsync(Analyst, ticket.Id, new TransitionRequest(TicketStatus.FalsePositive, Reason: "CDN", LocationPattern: Rest));
        var decided = await tickets.TransitionAsync(Analyst, ticket.Id, new TransitionRequest(TicketStatus.FalsePositive, Reason: "CDN too", LocationPattern: "https://app.vendor.example/ui/?"));

        decided.Status.ShouldBe(TicketStatus.FalsePositive);
        decided.Instances.Select(i => (i.State, i.FalsePositivePattern))
            .ShouldBe([(InstanceState.FalsePositive, Rest), (InstanceState.FalsePositive, "https://app.vendor.example/ui/?")]);
        var move = decided.History.Single(e => e.Action == "ticket.transition");
        (move.Before, move.After, move.Reason).ShouldBe(("open", "false-positive", "CDN too (locations https://app.vendor.example/ui/?: 1 instance(s) false-positive, 0 open)"));

        // Unchanged evidence at both keeps the ticket closed.
        var same = await IngestAsync(store, App, Report(App, [Rest1(), Ui1()], startedAt: ScanTime.AddDays(1)));
        same.ShouldBe(same with { Reopened = 0, Suppressed = 1 });
        (await tickets.GetAsync(Admin, ticket.Id)).Status.ShouldBe(TicketStatus.FalsePositive);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Without_a_pattern_the_decision_covers_the_whole_ticket(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Rest1(), Ui1()]));
        var tickets = store.Get<TicketService>();
        var ticket = (await TicketsAsync(store, App)).Single();

        var decided = await tickets.TransitionAsync(Analyst, ticket.Id, new TransitionRequest(TicketStatus.FalsePositive, Reason: "HSTS is set by the CDN"));

        decided.Status.ShouldBe(TicketStatus.FalsePositive);
        decided.Instances.Select(i => (i.State, i.FalsePositivePattern))
            .ShouldBe([(InstanceState.FalsePositive, null), (InstanceState.FalsePositive, null)]);
        decided.History.Single(e => e.Action == "ticket.transition").Reason.ShouldBe("HSTS is set by the CDN");
        decided.History.ShouldNotContain(e => e.Action == "ticket.false-positive");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_pattern_is_refused_for_other_moves_and_when_it_matches_no_open_instance(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Rest1(), Ui1()]));
        var tickets = store.Get<TicketService>();
        var ticket = (await TicketsAsync(store, App)).Single();

        var other = await Should.ThrowAsync<ValidationException>(() => tickets.TransitionAsync(Analyst, ticket.Id,
            new TransitionRequest(TicketStatus.InProgress, LocationPattern: Rest)));
        other.Errors.Keys.ShouldBe(["locationPattern"]);
        var none = await Should.ThrowAsync<ValidationException>(() => tickets.TransitionAsync(Analyst, ticket.Id,
            new TransitionRequest(TicketStatus.FalsePositive, Reason: "CDN", LocationPattern: "https://elsewhere.example/*")));
        none.Errors["locationPattern"].ShouldBe(["matches none of the ticket's 2 open instances"]);

        var unchanged = await tickets.GetAsync(Admin, ticket.Id);
        unchanged.Status.ShouldBe(TicketStatus.Open);
        unchanged.Instances.ShouldAllBe(i => i.State == InstanceState.Open);
        unchanged.History.ShouldAllBe(e => e.Action == "ticket.created");
    }

    private static Rampart.ScanReports.Finding Rest1(string evidence = "Strict-Transport-Security: missing") =>
        Finding("rest-1", location: "https://app.vendor.example/rest/a", evidence: evidence);

    private static Rampart.ScanReports.Finding Ui1() => Finding("ui-1", location: "https://app.vendor.example/ui/a");
}
