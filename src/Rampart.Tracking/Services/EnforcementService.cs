using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>
/// The policy engine: reopens tickets whose exception expired, escalates tickets past their due date, sends reminders
/// before due, delists apps with blocking tickets (per the policy's breach action for their severity) and relists apps
/// when none remain. Every change is an audit entry naming its cause. Runs as <see cref="Actor.System"/>.
/// </summary>
public sealed class EnforcementService(IDbContextFactory<TrackingDbContext> dbFactory, TimeProvider time, TrackingPolicy policy)
{
    public Task<EnforcementResult> RunAsync(CancellationToken cancellationToken = default) =>
        Retry.OnConflictAsync(ct => RunCoreAsync(null, ct), cancellationToken);

    /// <summary>The same run limited to one app: what ingest and transitions trigger for the app they touched.</summary>
    internal Task<EnforcementResult> RunForAppAsync(long appId, CancellationToken cancellationToken = default) =>
        Retry.OnConflictAsync(ct => RunCoreAsync(appId, ct), cancellationToken);

    private async Task<EnforcementResult> RunCoreAsync(long? appId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var actor = Actor.System;
        var active = TicketLifecycle.Active.ToArray();
        var tickets = appId is { } id ? db.Tickets.Where(t => t.AppId == id) : db.Tickets;

        var reopened = 0;
        var expired = await tickets
            .Where(t => t.Status == TicketStatus.ExceptionGranted && t.ExceptionExpiresAt != null && t.ExceptionExpiresAt <= now)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var t in expired)
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

        var emails = new Dictionary<long, string>();
        async Task<string> ContactOf(long app)
        {
            if (!emails.TryGetValue(app, out var email))
            {
                email = await (from a in db.Apps join p in db.Partners on a.PartnerId equals p.Id where a.Id == app select p.SecurityContactEmail)
                    .FirstAsync(cancellationToken).ConfigureAwait(false);
                emails[app] = email;
            }

            return email;
        }

        var escalated = 0;
        var breached = await tickets
            .Where(t => active.Contains(t.Status) && t.Status != TicketStatus.Escalated && t.DueDate <= now)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var t in breached)
        {
            var action = policy.Breach[t.Severity];
            var reason = $"due date {t.DueDate:O} passed; policy {policy.Version}: {Wire(t.Severity)} breach → {action.ToString().ToLowerInvariant()}";
            db.Audit.Add(TicketMoves.Apply(t, TicketStatus.Escalated, actor, Role.System, reason, now));
            // Notifications are recorded for delivery (the server's notifier sends them); the record is the proof of notice.
            db.Audit.Add(AuditRecord.Create(now, actor, "notification.escalated", AuditRecord.Ticket(t.Id), null, await ContactOf(t.AppId).ConfigureAwait(false), reason));
            escalated++;
        }

        var reminded = 0;
        if (policy.RemindersBeforeDue.Count > 0)
        {
            var horizon = now + policy.RemindersBeforeDue.Max();
            var upcoming = await tickets
                .Where(t => active.Contains(t.Status) && t.Status != TicketStatus.Escalated && t.DueDate > now && t.DueDate <= horizon)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var t in upcoming)
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
                db.Audit.Add(AuditRecord.Create(now, actor, "notification.reminder", AuditRecord.Ticket(t.Id), null, await ContactOf(t.AppId).ConfigureAwait(false),
                    $"due {t.DueDate:O}, within {days} day(s); policy {policy.Version}"));
                reminded++;
            }
        }

        var delistSeverities = policy.Breach.Where(p => p.Value == BreachAction.Delist).Select(p => p.Key).ToArray();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var blockingRows = await tickets.AsNoTracking()
            .Where(t => active.Contains(t.Status) && t.DueDate <= now && delistSeverities.Contains(t.Severity))
            .Select(t => new { t.AppId, t.Id })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var blocking = blockingRows.GroupBy(r => r.AppId).ToDictionary(g => g.Key, g => g.Select(r => r.Id).Order().ToList());

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
                delisted++;
            }
            else if (app.ListingState == ListingState.Delisted && ids.Count == 0)
            {
                var cause = $"no blocking ticket remains (was: {app.BlockingTicketIds})";
                Relist(app, ListingState.Listed, cause, null);
                db.Audit.Add(AuditRecord.Create(now, actor, "app.relisted", AuditRecord.App(app.Key), "delisted", "listed", cause));
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
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
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

    private static string Wire(TicketSeverity severity) => severity.ToString().ToLowerInvariant();
}
