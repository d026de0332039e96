using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rampart.ScanReports;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>
/// Turns a ScanReport into ticket changes: one transaction per report, idempotent (the report's SHA-256 is stored per
/// app), one ticket per (app, fingerprint) guaranteed by a unique index, races with concurrent ingests retried.
/// </summary>
public sealed class IngestService(IDbContextFactory<TrackingDbContext> dbFactory, TimeProvider time, TrackingPolicy policy, CheckVectors vectors, EnforcementService enforcement)
{
    /// <summary>How far ahead of the ingest's clock "nothing due" is checked before the enforcement run is skipped: the run
    /// would read its own (later) clock, and this keeps the skip safe for any ingest shorter than this.</summary>
    private static readonly TimeSpan EnforcementMargin = TimeSpan.FromMinutes(5);

    public async Task<IngestResult> IngestAsync(Actor actor, string appKey, Stream reportJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(reportJson);
        if (actor.Role is not (Role.Ingest or Role.SecurityAdmin or Role.SecurityAnalyst or Role.System))
        {
            throw new ForbiddenException($"role {RoleNames.ToWire(actor.Role)} may not upload scan reports");
        }

        ScanReportBody body;
        try
        {
            body = await ScanReportReader.ReadAsync(reportJson, cancellationToken).ConfigureAwait(false);
        }
        catch (ScanReportFormatException e)
        {
            throw new ReportRejectedException(e.Message, e.Problem switch
            {
                ScanReportProblem.TooLarge => 413,
                ScanReportProblem.Invalid => 422,
                _ => 400,
            }, e);
        }

        var (report, sha) = (body.Report, body.Sha256);
        var plan = ReportPlan.From(report);

        return await Retry.OnConflictAsync(ct => IngestOnceAsync(actor, appKey, report, plan, sha, ct), cancellationToken).ConfigureAwait(false);
    }

    private async Task<IngestResult> IngestOnceAsync(Actor actor, string appKey, ScanReport report, ReportPlan plan, string sha, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // One explicit transaction per report; EF's per-SaveChanges savepoints would only add round trips.
        db.Database.AutoSavepointsEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var snapshot = await IngestStore.ReadAsync(db, appKey, sha, plan.Findings.Keys, plan.RanRequirements.Keys, now,
            EnforcementService.ReminderHorizon(policy, now) + EnforcementMargin, now + EnforcementMargin, cancellationToken).ConfigureAwait(false)
            ?? throw new UnknownAppException(appKey);
        if (!string.Equals(report.App.Key, snapshot.AppKey, StringComparison.Ordinal))
        {
            throw new ReportRejectedException($"app.key '{report.App.Key}' in the report does not match the app '{snapshot.AppKey}' it was uploaded for", 422);
        }

        if (snapshot.PreviousReportId is { } previous)
        {
            // An identical re-upload changes nothing: same report id back, every finding unchanged.
            return new IngestResult(0, plan.Findings.Count, 0, 0, 0, previous, Duplicate: true);
        }

        var reportId = Guid.CreateVersion7(now);
        var appId = snapshot.AppId;
        var exceptions = snapshot.Exceptions;
        var existing = new Dictionary<string, TicketState>(StringComparer.Ordinal);
        var absent = new List<TicketState>();
        foreach (var state in snapshot.Tickets)
        {
            // The snapshot holds the report's fingerprints plus the app's active tickets of requirements that ran.
            if (plan.Findings.ContainsKey(state.Fingerprint))
            {
                existing[state.Fingerprint] = state;
            }
            else
            {
                absent.Add(state);
            }
        }

        // On a re-scan nearly every finding is unchanged, so only the few tickets that move are loaded whole and tracked
        // (their Version guards the update); everything else is decided from the snapshot's columns.
        var moving = new List<long>();
        foreach (var (fingerprint, finding) in plan.Findings)
        {
            if (existing.TryGetValue(fingerprint, out var state)
                && Moves(state.Status, state.UpdatedAt, state.EvidenceHash, finding, exceptions.FirstOrDefault(e => Covers(e, finding)), report.StartedAt))
            {
                moving.Add(state.Id);
            }
        }

        moving.AddRange(absent.Where(t => plan.PassedAt(t.RequirementId, t.CheckId, t.Location)).Select(t => t.Id));
        var loaded = moving.Count == 0
            ? []
            : await db.Tickets.Where(t => moving.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken).ConfigureAwait(false);

        int created = 0, unchanged = 0, verified = 0, reopened = 0, suppressed = 0;
        var evidenceNote = $"scan report {reportId} (scan started {report.StartedAt:O}, sha256 {sha})";
        var audits = new List<AuditEntity>();
        var newTickets = new List<TicketEntity>();
        foreach (var (fingerprint, finding) in plan.Findings)
        {
            var exception = exceptions.FirstOrDefault(e => Covers(e, finding));
            if (!existing.TryGetValue(fingerprint, out var state))
            {
                if (exception is not null)
                {
                    suppressed++;
                    continue;
                }

                newTickets.Add(NewTicket(appId, snapshot.PartnerId, finding, reportId, now));
                created++;
                continue;
            }

            if (!loaded.TryGetValue(state.Id, out var ticket))
            {
                // Moves() said no: the switch below would take one of its last two arms.
                if (TicketLifecycle.HumanDecisions.Contains(state.Status) || state.Status == TicketStatus.VerifiedFixed)
                {
                    suppressed++;
                }
                else
                {
                    unchanged++;
                }

                continue;
            }

            switch (ticket.Status)
            {
                case var s when TicketLifecycle.IsActive(s) && exception is not null:
                    audits.Add(TicketMoves.Apply(ticket, TicketStatus.ExceptionGranted, actor, Role.System, $"exception {exception.Id}: {exception.Reason}", now));
                    ticket.ExceptionId = exception.Id;
                    ticket.ExceptionExpiresAt = exception.ExpiresAt;
                    suppressed++;
                    break;
                case TicketStatus.FixSubmitted when report.StartedAt > ticket.UpdatedAt:
                    // Design §3: a re-scan after the fix was submitted still fails — reopened, due date unchanged.
                    audits.Add(TicketMoves.Apply(ticket, TicketStatus.Reopened, actor, Role.System, $"still failing after the fix was submitted; {evidenceNote}", now));
                    ticket.LastReportId = reportId;
                    reopened++;
                    break;
                case TicketStatus.VerifiedFixed when exception is null:
                    audits.Add(TicketMoves.Apply(ticket, TicketStatus.Reopened, actor, Role.System, $"the finding returned; {evidenceNote}", now));
                    UpdateEvidence(ticket, finding, reportId);
                    reopened++;
                    break;
                case TicketStatus.FalsePositive when ticket.EvidenceHash != Hash(finding.Evidence) && exception is null:
                    audits.Add(TicketMoves.Apply(ticket, TicketStatus.Reopened, actor, Role.System, $"false positive, but the evidence changed; {evidenceNote}", now));
                    UpdateEvidence(ticket, finding, reportId);
                    reopened++;
                    break;
                case var s when TicketLifecycle.HumanDecisions.Contains(s) || s == TicketStatus.VerifiedFixed:
                    suppressed++;
                    break;
                default:
                    unchanged++;
                    break;
            }
        }

        foreach (var state in absent)
        {
            if (loaded.TryGetValue(state.Id, out var ticket) && TicketLifecycle.IsActive(ticket.Status)
                && plan.PassedAt(ticket.RequirementId, ticket.CheckId, ticket.Location))
            {
                audits.Add(TicketMoves.Apply(ticket, TicketStatus.VerifiedFixed, actor, Role.System,
                    $"check {ticket.CheckId} ran for requirement {ticket.RequirementId} and no longer fails at {ticket.Location}; {evidenceNote}", now));
                ticket.LastReportId = reportId;
                verified++;
            }
        }

        if (loaded.Count > 0)
        {
            db.Audit.AddRange(audits);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }

        // New tickets, their creation entries, the report row and its entry: the bulk of a first ingest.
        var createdReasons = newTickets.Select(ticket =>
            $"{evidenceNote}; severity {ticket.Severity.ToString().ToLowerInvariant()} {CvssVector.Format(ticket.CvssScore)}, due {ticket.DueDate:O} (policy {policy.Version})").ToList();
        var reportRow = new ReportEntity
        {
            Id = reportId,
            AppId = appId,
            Sha256 = sha,
            ScanStartedAt = report.StartedAt.ToUniversalTime(),
            IngestedAt = now,
            IngestedBy = actor.Id,
            Created = created,
            Unchanged = unchanged,
            VerifiedFixed = verified,
            Reopened = reopened,
            Suppressed = suppressed,
        };
        var reportEntry = AuditRecord.Create(now, actor, "report.ingested", AuditRecord.App(snapshot.AppKey), null,
            $"created {created}, unchanged {unchanged}, verified-fixed {verified}, reopened {reopened}, suppressed {suppressed}", evidenceNote);
        await IngestStore.InsertAsync(db, newTickets, createdReasons, now, actor, reportRow, reportEntry, cancellationToken).ConfigureAwait(false);

        // The policy engine runs for this app in the same transaction: the report and the listing decisions it causes
        // (a relisting after verified fixes) are committed together or not at all. It is skipped only when it provably has
        // nothing to do: the app is listed, no ticket moved, and neither the app's existing tickets (the snapshot asked the
        // run's own question, with a margin for the clock moving on) nor the new ones are due within the reminder horizon.
        var horizon = EnforcementService.ReminderHorizon(policy, now) + EnforcementMargin;
        if (snapshot.Listing != ListingState.Listed || snapshot.AnythingDue || audits.Count > 0 || newTickets.Any(t => t.DueDate <= horizon))
        {
            await enforcement.RunInAsync(db, appId, cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new IngestResult(created, unchanged, verified, reopened, suppressed, reportId);
    }

    /// <summary>True when the switch in <see cref="IngestOnceAsync"/> changes the ticket (keep the two in step).</summary>
    private static bool Moves(TicketStatus status, DateTimeOffset updatedAt, string evidenceHash, Finding finding, ActiveException? exception, DateTimeOffset startedAt) => status switch
    {
        var s when TicketLifecycle.IsActive(s) && exception is not null => true,
        TicketStatus.FixSubmitted when startedAt > updatedAt => true,
        TicketStatus.VerifiedFixed when exception is null => true,
        TicketStatus.FalsePositive when evidenceHash != Hash(finding.Evidence) && exception is null => true,
        _ => false,
    };

    private TicketEntity NewTicket(long appId, Guid partnerId, Finding finding, Guid reportId, DateTimeOffset now)
    {
        var vector = vectors.Resolve(finding.CheckId, finding.Severity);
        return new TicketEntity
        {
            AppId = appId,
            PartnerId = partnerId,
            Fingerprint = finding.Fingerprint,
            RequirementId = finding.RequirementId,
            CheckId = finding.CheckId,
            Title = Truncate(finding.Title, 1000),
            Location = finding.Location,
            Evidence = finding.Evidence,
            EvidenceHash = Hash(finding.Evidence),
            Remediation = finding.Remediation,
            Severity = vector.Severity,
            CvssVector = vector.Vector,
            CvssScore = vector.BaseScore,
            Status = TicketStatus.Open,
            DueDate = policy.DueDate(vector.Severity, now),
            ReportedAt = now,
            UpdatedAt = now,
            LastReportId = reportId,
        };
    }

    private static void UpdateEvidence(TicketEntity ticket, Finding finding, Guid reportId)
    {
        ticket.Evidence = finding.Evidence;
        ticket.EvidenceHash = Hash(finding.Evidence);
        ticket.LastReportId = reportId;
    }

    private static bool Covers(ActiveException exception, Finding finding) =>
        string.Equals(exception.RequirementId, finding.RequirementId, StringComparison.Ordinal)
        && (exception.LocationPattern is null || Glob.IsMatch(exception.LocationPattern, finding.Location));

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
