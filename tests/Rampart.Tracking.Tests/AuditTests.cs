using Microsoft.EntityFrameworkCore;
using Rampart.TestSupport;
using Rampart.Tracking.Persistence;
using static Rampart.Tracking.Tests.Reports;

namespace Rampart.Tracking.Tests;

public sealed class AuditTests(PostgresFixture postgres) : DbTest(postgres)
{
    private const string App = "com.example.app";

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_state_change_and_comment_is_recorded_with_actor_time_before_after_and_reason(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        var partner = await SeedAppAsync(store);
        await IngestAsync(store, App, Report(App, [Finding("fp-1")]));
        var id = (await TicketsAsync(store, App)).Single().Id;
        var tickets = store.Get<TicketService>();
        store.Time.Advance(TimeSpan.FromHours(1));
        await tickets.TransitionAsync(partner, id, new TransitionRequest(TicketStatus.InProgress, Comment: "on it"));
        await tickets.CommentAsync(Analyst, id, new CommentRequest("thanks"));
        await tickets.SetSeverityAsync(Analyst, id, new SeverityOverride("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "credentials exposed"));

        var detail = await tickets.GetAsync(partner, id);

        detail.History.Select(e => e.Action).ShouldBe(["ticket.created", "ticket.transition", "ticket.comment", "ticket.comment", "ticket.severity"]);
        var move = detail.History[1];
        (move.Actor, move.Before, move.After, move.At).ShouldBe((partner.Id, "open", "in-progress", TrackingTestStore.Start.AddHours(1)));
        detail.History[4].Reason.ShouldBe("credentials exposed");
        detail.Severity.ShouldBe(TicketSeverity.Critical);
        detail.DueDate.ShouldBe(detail.ReportedAt.AddDays(28));
        detail.Comments.Select(c => (c.Author, c.Text)).ShouldBe([(partner.Id, "on it"), (Analyst.Id, "thanks")]);
        await Should.ThrowAsync<ForbiddenException>(() => store.Get<AuditService>().ListAsync(partner, new AuditQuery()));
        (await store.Get<AuditService>().ListAsync(Auditor, new AuditQuery(Since: TrackingTestStore.Start.AddMinutes(30)))).Total.ShouldBe(4);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_audit_log_cannot_be_updated_or_deleted_through_the_context_or_sql(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        var factory = store.Get<IDbContextFactory<TrackingDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var entry = await db.Audit.FirstAsync();
        var original = (entry.Action, entry.Reason, entry.At);
        var countBefore = await db.Audit.CountAsync();

        entry.Reason = "rewritten";
        Should.Throw<InvalidOperationException>(() => db.SaveChangesAsync()).Message.ShouldContain("append-only");
        db.ChangeTracker.Clear();
        db.Audit.Remove(entry);
        Should.Throw<InvalidOperationException>(() => db.SaveChangesAsync()).Message.ShouldContain("append-only");
        db.ChangeTracker.Clear();

        // The database itself refuses (triggers from the migration), whatever the caller.
        var update = await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_log SET \"Reason\" = 'x'"));
        update.Message.ShouldContain("append-only");
        var delete = await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log"));
        delete.Message.ShouldContain("append-only");
        if (provider == DatabaseProvider.PostgreSql)
        {
            (await Should.ThrowAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE audit_log"))).SqlState.ShouldBe("42501");
        }

        // Nothing changed: the entry reads back exactly as it was written, and no entry is gone.
        var stored = await db.Audit.AsNoTracking().SingleAsync(a => a.Id == entry.Id);
        (stored.Action, stored.Reason, stored.At).ShouldBe(original);
        (await db.Audit.CountAsync()).ShouldBe(countBefore);
    }
}
