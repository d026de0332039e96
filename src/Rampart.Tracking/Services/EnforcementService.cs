using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>
/// The policy engine: reopens tickets whose exception expired, escalates tickets past their due date, sends reminders
/// before due, delists apps with blocking tickets (per the policy's breach action for their severity) and relists apps
/// when none remain. Every change is an audit entry naming its cause. Runs as <see cref="Actor.System"/>.
/// </summary>
public sealed class EnforcementService(IDbContextFactory<TrackingDbContext> dbFactory, TimeProvider time, TrackingPolicy policy, ILogger<EnforcementService> logger)
{
    public Task<EnforcementResult> RunAsync(CancellationToken cancellationToken = default) =>
        Retry.OnConflictAsync(logger, "enforcement", ct => RunCoreAsync(null, ct), cancellationToken);

    private async Task<EnforcementResult> RunCoreAsync(long? appId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await RunInAsync(db, appId, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>The run limited to one app (or all), inside the caller's context and transaction: ingest, ticket
    /// transitions, severity overrides and exception changes run it for the app they touched in their own transaction,
    /// so the change and the listing decisions it causes commit together. Saves its changes; does not commit.</summary>
    internal async Task<EnforcementResult> RunInAsync(TrackingDbContext db, long? appId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var actor = Actor.System;
        var active = TicketLifecycle.Active.ToArray();
        var tickets = appId is { } id ? db.Tickets.Where(t => t.AppId == id) : db.Tickets;

        // One query finds everything the run may act on: expired exceptions, breached tickets, tickets within the
        // reminder horizon (which includes every past-due ticket, the ones that can block a listing).
        var horizon = ReminderHorizon(policy, now);
        var due = await tickets
            .Where(t => (active.Contains(t.Status) && t.DueDate <= horizon)
                || (t.Status == TicketStatus.ExceptionGranted && t.ExceptionExpiresAt != null && t.ExceptionExpiresAt <= now))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var contacts = new Dictionary<long, (string Key, string Email)>();
        async Task<(string Key, string Email)> ContactOf(long app)
        {
            if (!contacts.TryGetValue(app, out var contact))
            {
                var row = await (from a in db.Apps join p in db.Partners on a.PartnerId equals p.Id where a.Id == app select new { a.Key, p.SecurityContactEmail })
                    .FirstAsync(cancellationToken).ConfigureAwait(false);
                contact = (row.Key, row.SecurityContactEmail);
                contacts[app] = contact;
            }

            return contact;
        }

        // Decisions are logged once saved, so an attempt that loses a race at SaveChanges and is retried logs none twice.
        var decisions = new List<Action>();
        int reopened = 0, escalated = 0, reminded = 0;
        foreach (var t in due)
        {
            if (t.Status == TicketStatus.ExceptionGranted)
            {
                var reason = $"exception expired at {t.ExceptionExpiresAt:O}";
                db.Audit.Add(TicketMoves.Apply(t, TicketStatus.Open, actor, Role.System, reason, now));
                // The vendor gets the policy's full deadline from the expiry, as for a newly reported ticket.
                var restarted = policy.DueDate(t.Severity, now);
                if (restarted > t.DueDate)
                {
                    t.DueDate = restarted;
                    t.LastReminderDays = null;
                }

                reopened++;
            }
            else if (t.DueDate <= now && t.Status != TicketStatus.Escalated)
            {
                var action = policy.Breach[t.Severity];
                var reason = $"due date {t.DueDate:O} passed; policy {policy.Version}: {Wire(t.Severity)} breach → {action.ToString().ToLowerInvariant()}";
                db.Audit.Add(TicketMoves.Apply(t, TicketStatus.Escalated, actor, Role.System, reason, now));
                // Notifications are recorded for delivery (the server's notifier sends them); the record is the proof of notice.
                var contact = await ContactOf(t.AppId).ConfigureAwait(false);
                db.Audit.Add(AuditRecord.Create(now, actor, "notification.escalated", AuditRecord.Ticket(t.Id), null, contact.Email, reason));
                var (app, ticket, severity, dueDate) = (contact.Key, t.Id, Wire(t.Severity), t.DueDate);
                decisions.Add(() => TrackingLog.TicketEscalated(logger, app, ticket, severity, dueDate, policy.Version, action.ToString().ToLowerInvariant()));
                escalated++;
            }
            else if (t.DueDate > now && t.Status != TicketStatus.Escalated)
            {
                var left = t.DueDate - now;
                var threshold = policy.RemindersBeforeDue.Where(r => left <= r).Min();
                var days = (int)threshold.TotalDays;
                if (t.LastReminderDays is { } last && last <= days)
                {
                    continue;
                }

                t.LastReminderDays = days;
                t.Version++;
                db.Audit.Add(AuditRecord.Create(now, actor, "notification.reminder", AuditRecord.Ticket(t.Id), null, (await ContactOf(t.AppId).ConfigureAwait(false)).Email,
                    $"due {t.DueDate:O}, within {days} day(s); policy {policy.Version}"));
                reminded++;
            }
        }

        var delistSeverities = policy.Breach.Where(p => p.Value == BreachAction.Delist).Select(p => p.Key).ToHashSet();
        var blocking = due
            .Where(t => TicketLifecycle.IsActive(t.Status) && t.DueDate <= now && delistSeverities.Contains(t.Severity))
            .GroupBy(t => t.AppId)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Id).Order().ToList());

        var apps = db.Apps.AsQueryable();
        if (appId is { } only)
        {
            apps = apps.Where(a => a.Id == only);
        }

        var blockedIds = blocking.Keys.ToArray();
        var candidates = await apps
            .Where(a => a.ListingState == ListingState.Delisted || blockedIds.Contains(a.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        int delisted = 0, relisted = 0;
        foreach (var app in candidates)
        {
            var ids = blocking.TryGetValue(app.Id, out var list) ? list : [];
            var idText = string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
            if (app.ListingState == ListingState.Listed && ids.Count > 0)
            {
                var cause = $"policy {policy.Version}: fix deadline breached by ticket(s) {string.Join(", ", ids)} whose severity delists";
                Relist(app, ListingState.Delisted, cause, idText);
                db.Audit.Add(AuditRecord.Create(now, actor, "app.delisted", AuditRecord.App(app.Key), "listed", "delisted", cause));
                var key = app.Key;
                decisions.Add(() => TrackingLog.AppDelisted(logger, key, idText, policy.Version));
                delisted++;
            }
            else if (app.ListingState == ListingState.Delisted && ids.Count == 0)
            {
                var (key, was) = (app.Key, app.BlockingTicketIds);
                var cause = $"no blocking ticket remains (was: {was})";
                Relist(app, ListingState.Listed, cause, null);
                db.Audit.Add(AuditRecord.Create(now, actor, "app.relisted", AuditRecord.App(app.Key), "delisted", "listed", cause));
                decisions.Add(() => TrackingLog.AppRelisted(logger, key, was));
                relisted++;
            }
            else if (app.ListingState == ListingState.Delisted && app.BlockingTicketIds != idText)
            {
                db.Audit.Add(AuditRecord.Create(now, actor, "app.blocking-tickets", AuditRecord.App(app.Key), app.BlockingTicketIds, idText, "the tickets keeping the app delisted changed"));
                app.BlockingTicketIds = idText;
                app.Version++;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        decisions.ForEach(log => log());
        return new EnforcementResult(escalated, delisted, relisted, reminded, reopened);

        void Relist(AppEntity app, ListingState state, string cause, string? ids)
        {
            app.ListingState = state;
            app.ListingSince = now;
            app.ListingCause = cause;
            app.BlockingTicketIds = ids;
            app.Version++;
        }
    }

    /// <summary>The latest due date a run looks at (the earliest reminder). Ingest asks the same question
    /// (<see cref="Persistence.IngestStore.ReadAsync"/>) to skip a run that would find nothing; keep the two in step.</summary>
    internal static DateTimeOffset ReminderHorizon(TrackingPolicy policy, DateTimeOffset now) =>
        now + (policy.RemindersBeforeDue.Count > 0 ? policy.RemindersBeforeDue.Max() : TimeSpan.Zero);

    private static string Wire(TicketSeverity severity) => severity.ToString().ToLowerInvariant();
}
