using Microsoft.Extensions.DependencyInjection;
using Rampart.ScanReports;
using Rampart.TestSupport;
using static Rampart.Tracking.Tests.Reports;

namespace Rampart.Tracking.Tests;

/// <summary>Reports are bound to their app, tokens to their scope, old scans change nothing, identities are validated.</summary>
public sealed class IngestIntegrityTests(PostgresFixture postgres) : DbTest(postgres)
{
    private const string App = "com.example.app";

    [Theory, MemberData(nameof(Providers))]
    public async Task A_report_of_another_target_kind_or_key_is_refused_with_422_naming_expected_and_got(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        var report = Report(App, [Finding("fp-1")]);

        var otherOrigin = await Should.ThrowAsync<ReportRejectedException>(() => IngestAsync(store, App,
            report with { App = report.App with { DescriptorUrl = "https://attacker.example/atlassian-connect.json" } }));
        otherOrigin.StatusCode.ShouldBe(422);
        otherOrigin.Type.ShouldBe("report-mismatch");
        otherOrigin.Errors!["app.descriptorUrl"].Single().ShouldBe("expected origin https://app.vendor.example, got origin https://attacker.example");

        var otherKind = await Should.ThrowAsync<ReportRejectedException>(() => IngestAsync(store, App, report with { App = report.App with { Kind = "power-up" } }));
        otherKind.Errors!["app.kind"].Single().ShouldBe("expected 'connect', got 'power-up'");

        // Same origin, another path: still the app's server, accepted.
        await IngestAsync(store, App, report with { App = report.App with { DescriptorUrl = "https://APP.vendor.example/other/descriptor.json" } });
        (await TicketsAsync(store, App)).Count.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_forge_report_is_bound_by_the_registered_forge_app_id(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        const string id = "ari:cloud:ecosystem::app/0b3c6b1e-7d0a-4f7e-9a53-4d6f1e2a9c10";
        var partner = await store.Get<PartnerService>().CreateAsync(Admin, new CreatePartnerRequest("Forge vendor", "security@forge.example"));
        await store.Get<AppService>().CreateAsync(Admin, new CreateAppRequest("com.vendor.forge", "Forge app", "forge", partner.Id, ForgeAppId: id));
        var report = Report(id, [Finding("fp-1")]);
        report = report with { App = new AppInfo("forge", id, "Forge app", null, null) };

        var other = await Should.ThrowAsync<ReportRejectedException>(() => IngestAsync(store, "com.vendor.forge",
            report with { App = report.App with { Key = "ari:cloud:ecosystem::app/11111111-2222-3333-4444-555555555555" } }));
        other.Errors!["app.key"].Single().ShouldBe($"expected '{id}', got 'ari:cloud:ecosystem::app/11111111-2222-3333-4444-555555555555'");

        (await IngestAsync(store, "com.vendor.forge", report)).Created.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Scoped_ingest_tokens_upload_only_within_their_partner_or_app_and_unscoped_ones_anywhere(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        var partnerA = await SeedAppAsync(store, "com.vendor-a.app");
        await SeedAppAsync(store, "com.vendor-b.app");
        var tokens = store.Get<TokenService>();
        var byPartner = await tokens.AuthenticateAsync((await tokens.CreateAsync(Admin, Role.Ingest, partnerA.PartnerId, null, "a ci")).Token);
        var byApp = await tokens.AuthenticateAsync((await tokens.CreateAsync(Admin, Role.Ingest, null, null, "a app ci", "com.vendor-a.app")).Token);
        var anywhere = await tokens.AuthenticateAsync((await tokens.CreateAsync(Admin, Role.Ingest, null, null, "scanner")).Token);
        var ingest = store.Get<IngestService>();
        Task<IngestResult> Upload(Actor actor, string key) => ingest.IngestAsync(actor, key, ToStream(Report(key, [Finding("fp-1")], startedAt: ScanTime.AddMinutes(actor.Id.Length))));

        (await Should.ThrowAsync<ForbiddenException>(() => Upload(byPartner!, "com.vendor-b.app"))).Detail
            .ShouldBe($"this ingest token is scoped to the apps of partner {partnerA.PartnerId}; app 'com.vendor-b.app' is another partner's");
        (await Should.ThrowAsync<ForbiddenException>(() => Upload(byApp!, "com.vendor-b.app"))).Detail
            .ShouldBe("this ingest token is scoped to app 'com.vendor-a.app' and may not upload reports for 'com.vendor-b.app'");
        (await Upload(byPartner!, "com.vendor-a.app")).Outcome.ShouldBe("applied");
        (await Upload(byApp!, "com.vendor-a.app")).Outcome.ShouldNotBe("stale");
        (await Upload(anywhere!, "com.vendor-b.app")).Created.ShouldBe(1);
        (await TicketsAsync(store, "com.vendor-b.app")).Count.ShouldBe(1);

        (await Should.ThrowAsync<ValidationException>(() => tokens.CreateAsync(Admin, Role.Auditor, null, null, null, "com.vendor-a.app"))).Errors.ShouldContainKey("app");
        (await Should.ThrowAsync<ValidationException>(() => tokens.CreateAsync(Admin, Role.Ingest, null, null, null, "no.such.app"))).Errors.ShouldContainKey("app");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_report_older_than_the_newest_ingested_changes_no_ticket_and_is_recorded_as_stale(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("fp-1")], startedAt: ScanTime));
        await IngestAsync(store, App, Report(App, [Finding("fp-1")], startedAt: ScanTime.AddDays(2)));
        var before = await TicketsAsync(store, App);

        // A clean report of a scan between the two: applied, it would verify the fix the newer scan saw failing.
        var old = await IngestAsync(store, App, Report(App, [], [Requirement("3", RequirementStatus.Pass, "RMP-HSTS-001")], ScanTime.AddDays(1)));
        old.Outcome.ShouldBe("stale");
        old.ShouldBe(old with { Created = 0, Unchanged = 0, VerifiedFixed = 0, Reopened = 0, Suppressed = 0 });
        (await TicketsAsync(store, App)).ShouldBe(before);
        var audit = await store.Get<AuditService>().ListAsync(Admin, new AuditQuery(Subject: $"app:{App}"));
        audit.Items.ShouldContain(e => e.Action == "report.stale" && e.After!.Contains("no ticket changed"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Malformed_fingerprints_unknown_requirements_and_bad_app_keys_are_refused_naming_field_and_value(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        var bad = Report(App, [Finding("fp-1") with { Fingerprint = "fp-1" }, Finding("fp-2", requirement: "99.9")]);
        var refused = await Should.ThrowAsync<ReportRejectedException>(() => IngestAsync(store, App, bad));
        refused.StatusCode.ShouldBe(422);
        refused.Errors!["findings[0].fingerprint"].Single().ShouldBe("'fp-1' is not 40 lowercase hex digits");
        refused.Errors!["findings[1].requirementId"].Single().ShouldBe("'99.9' is not a requirement of catalog 2026");
        refused.Errors!.ShouldContainKey("requirements[1].id");

        var dots = await Should.ThrowAsync<ValidationException>(() => IngestAsync(store, "..", Report("..", [Finding("fp-1")])));
        dots.Errors["key"].Single().ShouldContain("'..'");
        (await Should.ThrowAsync<ValidationException>(() => store.Get<AppService>().CreateAsync(Admin,
            new CreateAppRequest("a..b", "n", "connect", Guid.NewGuid())))).Errors.ShouldContainKey("key");
        (await TicketsAsync(store, App)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Concurrent_different_reports_for_one_app_all_succeed_and_end_as_a_sequential_application_would(DatabaseProvider provider)
    {
        // Each report fails a different set of the same checks at one scan time: order does not change the end state.
        var reports = Enumerable.Range(0, 12).Select(r => Report(App,
            Enumerable.Range(0, 8).Where(i => (i + r) % 3 != 0).Select(i => Finding($"fp-{r}-{i}", check: $"RMP-HSTS-{i:000}")))).ToList();

        await using var concurrent = await StoreAsync(provider);
        await SeedAppAsync(concurrent);
        using var start = new ManualResetEventSlim();
        var runs = reports.Select(report => Task.Run(async () =>
        {
            start.Wait();
            using var scope = concurrent.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<IngestService>().IngestAsync(Uploader, App, ToStream(report));
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(runs);
        results.ShouldAllBe(r => r.Outcome == "applied");

        await using var sequential = await StoreAsync(provider);
        await SeedAppAsync(sequential);
        foreach (var report in reports)
        {
            await IngestAsync(sequential, App, report);
        }

        static async Task<object> StateAsync(TrackingTestStore store) =>
            (await TicketsAsync(store, App)).Select(t => (t.RequirementId, t.CheckId, t.Status)).Order().ToList();
        (await StateAsync(concurrent)).ShouldBe(await StateAsync(sequential));
        results.Sum(r => r.Created).ShouldBe(8);
    }
}
