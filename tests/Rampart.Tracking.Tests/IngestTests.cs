using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Rampart.ScanReports;
using Rampart.TestSupport;
using Rampart.Tracking.Persistence;
using static Rampart.Tracking.Tests.Reports;

namespace Rampart.Tracking.Tests;

public sealed class IngestTests(PostgresFixture postgres) : DbTest(postgres)
{
    private const string App = "com.example.app";

    [Theory, MemberData(nameof(Providers))]
    public async Task Findings_of_one_requirement_and_check_become_one_open_ticket_with_an_instance_each_and_a_re_scan_changes_nothing(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);

        var first = await IngestAsync(store, App, Report(App, [Finding("fp-1"), Finding("fp-2"), Finding("fp-9", check: "RMP-TLS-001", requirement: "6.2")]));
        first.ShouldBe(first with { Created = 2, Unchanged = 0, VerifiedFixed = 0, Reopened = 0, Suppressed = 0, Duplicate = false });
        var tickets = await TicketsAsync(store, App);
        // One ticket per unmet requirement and check; its fingerprint and location are its first instance's.
        tickets.Select(t => (t.RequirementId, t.CheckId, t.Fingerprint, t.Location)).Order().ShouldBe([
            ("3", "RMP-HSTS-001", Fp("fp-1"), "https://app.vendor.example/fp-1"), ("6.2", "RMP-TLS-001", Fp("fp-9"), "https://app.vendor.example/fp-9")]);
        var hsts = await store.Get<TicketService>().GetAsync(Admin, tickets.Single(t => t.CheckId == "RMP-HSTS-001").Id);
        hsts.Instances.Select(i => (i.Fingerprint, i.Location, i.State, i.FirstSeen, i.LastSeen)).ShouldBe([
            (Fp("fp-1"), "https://app.vendor.example/fp-1", InstanceState.Open, TrackingTestStore.Start, TrackingTestStore.Start),
            (Fp("fp-2"), "https://app.vendor.example/fp-2", InstanceState.Open, TrackingTestStore.Start, TrackingTestStore.Start)]);
        tickets = [.. tickets.Where(t => t.CheckId == "RMP-HSTS-001")];
        tickets.ShouldAllBe(t => t.Status == TicketStatus.Open && t.AppKey == App && t.RequirementId == "3" && t.CheckId == "RMP-HSTS-001");
        tickets.ShouldAllBe(t => t.ReportedAt == TrackingTestStore.Start && t.DueDate == TrackingTestStore.Start.AddDays(56));
        await using (var db = await store.Get<IDbContextFactory<TrackingDbContext>>().CreateDbContextAsync())
        {
            (await db.Tickets.AsNoTracking().Select(t => t.LastReportId).ToListAsync()).ShouldAllBe(id => id == first.ReportId);
            (await db.Audit.AsNoTracking().Where(a => a.Action == "ticket.created").Select(a => a.At).ToListAsync()).ShouldAllBe(at => at == TrackingTestStore.Start);
        }


        store.Time.Advance(TimeSpan.FromDays(1));
        var second = await IngestAsync(store, App, Report(App, [Finding("fp-1"), Finding("fp-2")], startedAt: ScanTime.AddDays(1)));
        second.Created.ShouldBe(0);
        second.Unchanged.ShouldBe(1);
        second.Duplicate.ShouldBeFalse();
        var after = await TicketsAsync(store, App);
        after.Count.ShouldBe(2);
        after.Where(t => t.CheckId == "RMP-HSTS-001").Select(t => (t.Id, t.Status, t.UpdatedAt)).ShouldBe(tickets.Select(t => (t.Id, t.Status, t.UpdatedAt)));
        var seen = await store.Get<TicketService>().GetAsync(Admin, tickets[0].Id);
        seen.Instances.ShouldAllBe(i => i.State == InstanceState.Open && i.FirstSeen == TrackingTestStore.Start && i.LastSeen == TrackingTestStore.Start.AddDays(1));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_identical_re_upload_changes_nothing_at_all(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        var report = Report(App, [Finding("fp-1"), Finding("fp-2")]);
        var first = await IngestAsync(store, App, report);
        var auditBefore = (await store.Get<AuditService>().ListAsync(Admin, new AuditQuery(PageSize: 500))).Total;

        store.Time.Advance(TimeSpan.FromHours(1));
        var again = await IngestAsync(store, App, report);

        again.Duplicate.ShouldBeTrue();
        again.ReportId.ShouldBe(first.ReportId);
        again.Created.ShouldBe(0);
        (await store.Get<AuditService>().ListAsync(Admin, new AuditQuery(PageSize: 500))).Total.ShouldBe(auditBefore);
        again.Unchanged.ShouldBe(1);
        (await TicketsAsync(store, App)).Count.ShouldBe(1);
        await using var db = await store.Get<IDbContextFactory<TrackingDbContext>>().CreateDbContextAsync();
        (await db.Reports.CountAsync()).ShouldBe(1);
        (await db.Instances.CountAsync()).ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_check_that_ran_and_passed_verifies_the_fix_with_the_scan_as_evidence(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("fp-1"), Finding("fp-2")]));

        // Requirement 3 passes now: RMP-HSTS-001 ran and found nothing.
        var result = await IngestAsync(store, App, Report(App, [], [Requirement("3", RequirementStatus.Pass, "RMP-HSTS-001")], ScanTime.AddDays(2)));

        result.VerifiedFixed.ShouldBe(1);
        var tickets = await TicketsAsync(store, App);
        tickets.Single().Status.ShouldBe(TicketStatus.VerifiedFixed);
        var detail = await store.Get<TicketService>().GetAsync(Admin, tickets[0].Id);
        detail.Instances.Select(i => i.State).ShouldBe([InstanceState.Fixed, InstanceState.Fixed]);
        detail.History.Last().After.ShouldBe("verified-fixed");
        detail.History.Last().Reason!.ShouldContain(result.ReportId.ToString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_check_that_still_fails_elsewhere_keeps_the_ticket_open_and_fixes_only_the_instances_it_no_longer_reports(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("fp-1"), Finding("fp-2")]));

        var result = await IngestAsync(store, App, Report(App, [Finding("fp-2")], startedAt: ScanTime.AddDays(1)));

        result.ShouldBe(result with { Created = 0, Unchanged = 1, VerifiedFixed = 0 });
        var ticket = (await TicketsAsync(store, App)).Single();
        ticket.Status.ShouldBe(TicketStatus.Open);
        var detail = await store.Get<TicketService>().GetAsync(Admin, ticket.Id);
        detail.Instances.Select(i => (i.Fingerprint, i.State)).ShouldBe([(Fp("fp-1"), InstanceState.Fixed), (Fp("fp-2"), InstanceState.Open)]);

        // The fixed location failing again counts again; the ticket, still open, stays as it is.
        var back = await IngestAsync(store, App, Report(App, [Finding("fp-1"), Finding("fp-2")], startedAt: ScanTime.AddDays(2)));
        back.ShouldBe(back with { Created = 0, Unchanged = 1, Reopened = 0 });
        (await store.Get<TicketService>().GetAsync(Admin, ticket.Id)).Instances.ShouldAllBe(i => i.State == InstanceState.Open);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_errored_or_not_run_check_leaves_tickets_unchanged(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("fp-1"), Finding("fp-9", check: "RMP-TLS-001", requirement: "6.2")]));

        // Requirement 3 errored, requirement 6.2 is not in the report at all.
        var result = await IngestAsync(store, App, Report(App, [], [Requirement("3", RequirementStatus.Error, "RMP-HSTS-001")], ScanTime.AddDays(1)));

        result.VerifiedFixed.ShouldBe(0);
        (await TicketsAsync(store, App)).ShouldAllBe(t => t.Status == TicketStatus.Open);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_probe_skipped_at_the_location_leaves_the_ticket_unchanged(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("fp-1", location: "https://app.vendor.example/install")]));

        var result = await IngestAsync(store, App, Report(App, [], [Requirement("3", RequirementStatus.Pass, "RMP-HSTS-001")], ScanTime.AddDays(1),
            [new SkippedProbe("RMP-HSTS-001", "https://app.vendor.example/install", "state-changing POST")]));

        result.VerifiedFixed.ShouldBe(0);
        (await TicketsAsync(store, App)).Single().Status.ShouldBe(TicketStatus.Open);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_verified_fix_whose_finding_returns_is_reopened(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("fp-1")]));
        await IngestAsync(store, App, Report(App, [], [Requirement("3", RequirementStatus.Pass, "RMP-HSTS-001")], ScanTime.AddDays(1)));
        var dueBefore = (await TicketsAsync(store, App)).Single().DueDate;

        var result = await IngestAsync(store, App, Report(App, [Finding("fp-1")], startedAt: ScanTime.AddDays(2)));

        result.Reopened.ShouldBe(1);
        var ticket = (await TicketsAsync(store, App)).Single();
        ticket.Status.ShouldBe(TicketStatus.Reopened);
        ticket.DueDate.ShouldBe(dueBefore);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Human_decisions_are_never_overridden_by_a_scan(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        var tickets = store.Get<TicketService>();
        Finding[] findings = [Finding("fp-fp", check: "RMP-HSTS-001"), Finding("fp-mit", check: "RMP-HSTS-002"), Finding("fp-exc", check: "RMP-HSTS-003")];
        await IngestAsync(store, App, Report(App, findings));
        var ids = (await TicketsAsync(store, App)).ToDictionary(t => t.Fingerprint, t => t.Id);
        await tickets.TransitionAsync(Analyst, ids[Fp("fp-fp")], new TransitionRequest(TicketStatus.FalsePositive, Reason: "HSTS is set by the CDN"));
        await tickets.TransitionAsync(Analyst, ids[Fp("fp-mit")], new TransitionRequest(TicketStatus.InProgress));
        await tickets.TransitionAsync(Analyst, ids[Fp("fp-mit")], new TransitionRequest(TicketStatus.WorkaroundProposed));
        await tickets.TransitionAsync(Analyst, ids[Fp("fp-mit")], new TransitionRequest(TicketStatus.Mitigated, Reason: "served only behind the proxy"));
        await tickets.TransitionAsync(Analyst, ids[Fp("fp-exc")], new TransitionRequest(TicketStatus.ExceptionGranted, DueDate: TrackingTestStore.Start.AddDays(90), Reason: "product API lacks JWT"));

        var still = await IngestAsync(store, App, Report(App, findings, startedAt: ScanTime.AddDays(1)));
        still.ShouldBe(still with { Created = 0, Reopened = 0, Unchanged = 0, Suppressed = 3 });

        // Passing checks do not close them differently either.
        var passed = await IngestAsync(store, App, Report(App, [], [Requirement("3", RequirementStatus.Pass, "RMP-HSTS-001", "RMP-HSTS-002", "RMP-HSTS-003")], ScanTime.AddDays(2)));
        passed.VerifiedFixed.ShouldBe(0);
        var statuses = (await TicketsAsync(store, App)).ToDictionary(t => t.Fingerprint, t => t.Status);
        statuses[Fp("fp-fp")].ShouldBe(TicketStatus.FalsePositive);
        statuses[Fp("fp-mit")].ShouldBe(TicketStatus.Mitigated);
        statuses[Fp("fp-exc")].ShouldBe(TicketStatus.ExceptionGranted);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_false_positive_reopens_when_its_evidence_changes(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("fp-1", evidence: "max-age=0")]));
        var id = (await TicketsAsync(store, App)).Single().Id;
        await store.Get<TicketService>().TransitionAsync(Analyst, id, new TransitionRequest(TicketStatus.FalsePositive, Reason: "test host"));

        var result = await IngestAsync(store, App, Report(App, [Finding("fp-1", evidence: "max-age=60")], startedAt: ScanTime.AddDays(1)));

        result.Reopened.ShouldBe(1);
        var detail = await store.Get<TicketService>().GetAsync(Admin, id);
        detail.Status.ShouldBe(TicketStatus.Reopened);
        detail.Evidence.ShouldBe("max-age=60");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_re_scan_failing_after_a_submitted_fix_reopens_with_the_due_date_unchanged(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        var partner = await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("fp-1")]));
        var ticket = (await TicketsAsync(store, App)).Single();
        var service = store.Get<TicketService>();
        await service.TransitionAsync(partner, ticket.Id, new TransitionRequest(TicketStatus.InProgress));
        store.Time.Advance(TimeSpan.FromHours(2));
        await service.TransitionAsync(partner, ticket.Id, new TransitionRequest(TicketStatus.FixSubmitted, Comment: "deployed"));

        var result = await IngestAsync(store, App, Report(App, [Finding("fp-1")], startedAt: TrackingTestStore.Start.AddHours(3)));

        result.Reopened.ShouldBe(1);
        var after = await service.GetAsync(Admin, ticket.Id);
        after.Status.ShouldBe(TicketStatus.Reopened);
        after.DueDate.ShouldBe(ticket.DueDate);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Advisory_findings_and_guidelines_never_open_tickets(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        var report = Report(
            App,
            [Finding("fp-adv", advisory: true), Finding("fp-guide", check: "RMP-HDR-003", requirement: "G3.1")],
            [new RequirementResult("G3.1", "Guideline", RequirementStatus.Fail, null, ["RMP-HDR-003"], Guideline: true)]);

        var result = await IngestAsync(store, App, report);

        result.Created.ShouldBe(0);
        (await TicketsAsync(store, App)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Due_dates_follow_the_policy_per_severity(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [
            Finding("crit", check: "RMP-X-001", requirement: "1.1", severity: Catalog.Severity.Critical),
            Finding("high", check: "RMP-X-002", requirement: "1.2", severity: Catalog.Severity.High),
            Finding("med", check: "RMP-X-003", requirement: "1.4", severity: Catalog.Severity.Medium),
            Finding("low", check: "RMP-X-004", requirement: "1.5", severity: Catalog.Severity.Low),
        ]));

        var tickets = (await TicketsAsync(store, App)).ToDictionary(t => t.Fingerprint);
        var now = TrackingTestStore.Start;
        tickets[Fp("crit")].Severity.ShouldBe(TicketSeverity.Critical);
        tickets[Fp("crit")].DueDate.ShouldBe(now.AddDays(28));
        tickets[Fp("high")].Severity.ShouldBe(TicketSeverity.High);
        tickets[Fp("high")].DueDate.ShouldBe(now.AddDays(42));
        tickets[Fp("med")].Severity.ShouldBe(TicketSeverity.Medium);
        tickets[Fp("med")].DueDate.ShouldBe(now.AddDays(56));
        tickets[Fp("low")].Severity.ShouldBe(TicketSeverity.Low);
        tickets[Fp("low")].DueDate.ShouldBe(now.AddDays(175));
        tickets[Fp("crit")].CvssScore.ShouldBe(9.8);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_report_that_fails_in_the_database_leaves_nothing_behind_and_can_be_uploaded_again(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        var factory = store.Get<IDbContextFactory<TrackingDbContext>>();
        // A real database error after the tickets were written in the same transaction: the final audit insert fails.
        var (create, drop) = provider == DatabaseProvider.Sqlite
            ? ("CREATE TRIGGER test_fail BEFORE INSERT ON audit_log WHEN NEW.Action = 'report.ingested' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
               "DROP TRIGGER test_fail;")
            : ("""
               CREATE FUNCTION test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."Action" = 'report.ingested' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END; $$;
               CREATE TRIGGER test_fail BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_fail();
               """,
               "DROP TRIGGER test_fail ON audit_log; DROP FUNCTION test_fail();");
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync(create);
        }

        var report = Report(App, [Finding("fp-1"), Finding("fp-2"), Finding("fp-3", check: "RMP-TLS-001", requirement: "6.2")]);
        await Should.ThrowAsync<System.Data.Common.DbException>(() => IngestAsync(store, App, report));

        await using (var db = await factory.CreateDbContextAsync())
        {
            (await db.Tickets.CountAsync()).ShouldBe(0);
            (await db.Instances.CountAsync()).ShouldBe(0);
            (await db.Reports.CountAsync()).ShouldBe(0);
            (await db.Audit.CountAsync(a => a.Action == "ticket.created")).ShouldBe(0);
            await db.Database.ExecuteSqlRawAsync(drop);
        }

        var result = await IngestAsync(store, App, report);
        result.Created.ShouldBe(2);
        result.Duplicate.ShouldBeFalse();
        await using (var db = await factory.CreateDbContextAsync())
        {
            (await db.Instances.CountAsync()).ShouldBe(3);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Concurrent_ingests_of_one_app_never_make_two_tickets_for_one_requirement_and_check_nor_two_instances_for_one_fingerprint(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        // Ten checks of requirement 3, four locations each.
        var findings = Enumerable.Range(0, 40).Select(i => Finding($"fp-{i}", check: $"RMP-HSTS-{i % 10:000}")).ToList();
        var same = Report(App, findings);
        // Scans started at the same time, so whichever is decided second is not stale and both apply.
        var overlapping = Report(App, findings.Skip(20).Append(Finding("fp-extra", check: "RMP-HSTS-999")));

        var runs = new[] { same, same, overlapping, overlapping, same }.Select(report => Task.Run(async () =>
        {
            using var scope = store.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<IngestService>().IngestAsync(Uploader, App, ToStream(report));
        })).ToArray();
        var results = await Task.WhenAll(runs);

        var tickets = await TicketsAsync(store, App);
        tickets.Count.ShouldBe(11);
        tickets.Select(t => t.CheckId).Distinct().Count().ShouldBe(11);
        results.Sum(r => r.Created).ShouldBe(11);
        results.Count(r => !r.Duplicate).ShouldBe(2);
        await using var db = await store.Get<IDbContextFactory<TrackingDbContext>>().CreateDbContextAsync();
        (await db.Instances.Select(i => i.Fingerprint).ToListAsync()).Order().ShouldBe(findings.Select(f => f.Fingerprint).Append(Fp("fp-extra")).Order());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_location_of_higher_severity_raises_the_ticket_and_its_deadline_from_the_first_report_unless_an_analyst_set_it(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        var policy = store.Get<TrackingPolicy>();
        await IngestAsync(store, App, Report(App, [Finding("fp-1", check: "RMP-X-020", severity: Catalog.Severity.Medium)]));
        var ticket = (await TicketsAsync(store, App)).Single();
        (ticket.Severity, ticket.DueDate).ShouldBe((TicketSeverity.Medium, policy.DueDate(TicketSeverity.Medium, TrackingTestStore.Start)));

        store.Time.Advance(TimeSpan.FromDays(3));
        var raised = await IngestAsync(store, App, Report(App, [
            Finding("fp-1", check: "RMP-X-020", severity: Catalog.Severity.Medium), Finding("fp-2", check: "RMP-X-020", severity: Catalog.Severity.Critical)], startedAt: ScanTime.AddDays(3)));

        raised.ShouldBe(raised with { Created = 0, Unchanged = 1 });
        var after = (await TicketsAsync(store, App)).Single();
        after.Id.ShouldBe(ticket.Id);
        (after.Severity, after.DueDate).ShouldBe((TicketSeverity.Critical, policy.DueDate(TicketSeverity.Critical, TrackingTestStore.Start)));
        var detail = await store.Get<TicketService>().GetAsync(Admin, ticket.Id);
        detail.History.Last().Action.ShouldBe("ticket.severity");

        // An analyst's severity is kept: a later location of higher severity changes neither it nor the deadline.
        await store.Get<TicketService>().SetSeverityAsync(Analyst, ticket.Id, new SeverityOverride("CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", "internal only"));
        var pinned = (await TicketsAsync(store, App)).Single();
        await IngestAsync(store, App, Report(App, [Finding("fp-3", check: "RMP-X-020", severity: Catalog.Severity.Critical)], startedAt: ScanTime.AddDays(4)));
        var kept = (await TicketsAsync(store, App)).Single();
        (kept.Severity, kept.DueDate).ShouldBe((pinned.Severity, pinned.DueDate));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_false_positive_ticket_stays_closed_while_its_locations_are_unchanged_and_reopens_for_a_new_one(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("fp-1"), Finding("fp-2")]));
        var ticket = (await TicketsAsync(store, App)).Single();
        await store.Get<TicketService>().TransitionAsync(Analyst, ticket.Id, new TransitionRequest(TicketStatus.FalsePositive, Reason: "HSTS is set by the CDN"));
        (await store.Get<TicketService>().GetAsync(Admin, ticket.Id)).Instances.ShouldAllBe(i => i.State == InstanceState.FalsePositive);

        var same = await IngestAsync(store, App, Report(App, [Finding("fp-1"), Finding("fp-2")], startedAt: ScanTime.AddDays(1)));
        same.ShouldBe(same with { Suppressed = 1, Reopened = 0 });
        (await TicketsAsync(store, App)).Single().Status.ShouldBe(TicketStatus.FalsePositive);

        var added = await IngestAsync(store, App, Report(App, [Finding("fp-1"), Finding("fp-2"), Finding("fp-3")], startedAt: ScanTime.AddDays(2)));
        added.ShouldBe(added with { Created = 0, Reopened = 1 });
        (await TicketsAsync(store, App)).Single().Status.ShouldBe(TicketStatus.Reopened);
        (await store.Get<TicketService>().GetAsync(Admin, ticket.Id)).Instances.Select(i => i.State)
            .ShouldBe([InstanceState.FalsePositive, InstanceState.FalsePositive, InstanceState.Open]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_reports_are_rejected_naming_what_is_wrong_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        var ingest = store.Get<IngestService>();

        (await Should.ThrowAsync<UnknownAppException>(() => ingest.IngestAsync(Uploader, "no.such.app", ToStream(Report("no.such.app", [Finding("x")])))))
            .StatusCode.ShouldBe(404);

        var malformed = await Should.ThrowAsync<ReportRejectedException>(() => ingest.IngestAsync(Uploader, App, Json("""{"schemaVersion": 1, "tool": 5}""")));
        malformed.StatusCode.ShouldBe(400);
        malformed.Detail.ShouldContain("$.tool");

        var json = ScanReportJson.Serialize(Report(App, [Finding("x")])).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 7", StringComparison.Ordinal);
        var version = await Should.ThrowAsync<ReportRejectedException>(() => ingest.IngestAsync(Uploader, App, Json(json)));
        version.StatusCode.ShouldBe(422);
        version.Detail.ShouldContain("schemaVersion 7");

        var wrongApp = await Should.ThrowAsync<ReportRejectedException>(() => ingest.IngestAsync(Uploader, App, ToStream(Report("other.app", [Finding("x")]))));
        wrongApp.Detail.ShouldContain("other.app");

        (await Should.ThrowAsync<ReportRejectedException>(() => ingest.IngestAsync(Uploader, App, Json("")))).Detail.ShouldContain("empty");

        var partner = new Actor("p", Role.Partner, Guid.NewGuid());
        await Should.ThrowAsync<ForbiddenException>(() => ingest.IngestAsync(partner, App, ToStream(Report(App, [Finding("x")]))));
        await Should.ThrowAsync<ForbiddenException>(() => ingest.IngestAsync(Auditor, App, ToStream(Report(App, [Finding("x")]))));

        (await TicketsAsync(store, App)).ShouldBeEmpty();
    }
}
