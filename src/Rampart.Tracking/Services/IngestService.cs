using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rampart.ScanReports;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>
/// Turns a ScanReport into ticket changes: one transaction per report, idempotent (the report's SHA-256 is stored per
/// app), one ticket per (app, fingerprint) guaranteed by a unique index, races with concurrent ingests retried.
/// </summary>
public sealed class IngestService(IDbContextFactory<TrackingDbContext> dbFactory, TimeProvider time, TrackingPolicy policy, CheckVectors vectors, EnforcementService enforcement, ILogger<IngestService> logger)
{
    /// <summary>How far ahead of the ingest's clock "nothing due" is checked before the enforcement run is skipped: the run
    /// would read its own (later) clock, and this keeps the skip safe for any ingest shorter than this.</summary>
    private static readonly TimeSpan EnforcementMargin = TimeSpan.FromMinutes(5);

    public async Task<IngestResult> IngestAsync(Actor actor, string appKey, Stream reportJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(reportJson);
        var started = time.GetTimestamp();
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

        var result = await Retry.OnConflictAsync(ct => IngestOnceAsync(actor, appKey, report, plan, sha, ct), cancellationToken).ConfigureAwait(false);
        TrackingLog.ReportIngested(logger, appKey, result.ReportId, result.Created, result.Reopened, result.VerifiedFixed, result.Unchanged,
            result.Suppressed, result.Duplicate, (long)time.GetElapsedTime(started).TotalMilliseconds);
        return result;
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

        // Every finding's decision needs the exception covering it, if any: matched once per finding.
        var covering = plan.Findings.ToDictionary(p => p.Key, p => exceptions.FirstOrDefault(e => Covers(e, p.Value)), StringComparer.Ordinal);

        // On a re-scan nearly every finding is unchanged, so only the few tickets that move are loaded whole and tracked
        // (their Version guards the update); everything else is decided from the snapshot's columns. The loaded ones are
        // decided again on their own columns by the same function.
        var moving = new List<long>();
        foreach (var (fingerprint, finding) in plan.Findings)
        {
            if (existing.TryGetValue(fingerprint, out var state)
                && IngestDecision.Target(IngestDecision.Decide(FactsOf(state.Status, state.UpdatedAt, state.EvidenceHash, finding, covering[fingerprint], report))) is not null)
            {
                moving.Add(state.Id);
            }
        }

        moving.AddRange(absent
            .Where(t => IngestDecision.Target(IngestDecision.Decide(IngestFacts.Absent(t.Status, plan.PassedAt(t.RequirementId, t.CheckId, t.Location)))) is not null)
            .Select(t => t.Id));
        var loaded = moving.Count == 0
            ? []
            : await db.Tickets.Where(t => moving.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken).ConfigureAwait(false);

        var counts = new Dictionary<IngestCount, int>();
        var evidenceNote = $"scan report {reportId} (scan started {report.StartedAt:O}, sha256 {sha})";
        var audits = new List<AuditEntity>();
        var newTickets = new List<TicketEntity>();
        foreach (var (fingerprint, finding) in plan.Findings)
        {
            var exception = covering[fingerprint];
            TicketEntity? ticket = null;
            var facts = !existing.TryGetValue(fingerprint, out var state)
                ? IngestFacts.Finding(null, exception is not null, scannedAfterChange: false, evidenceChanged: false)
                : loaded.TryGetValue(state.Id, out ticket)
                    ? FactsOf(ticket.Status, ticket.UpdatedAt, ticket.EvidenceHash, finding, exception, report)
                    : FactsOf(state.Status, state.UpdatedAt, state.EvidenceHash, finding, exception, report);
            var outcome = IngestDecision.Decide(facts);
            Count(counts, outcome);
            if (outcome == IngestOutcome.Create)
            {
                newTickets.Add(NewTicket(appId, snapshot.PartnerId, finding, reportId, now));
            }
            else if (IngestDecision.Target(outcome) is { } to)
            {
                // A moving outcome on the snapshot's columns is what loaded the ticket; a ticket not loaded never moves here.
                var moved = ticket ?? throw new InvalidOperationException($"ticket {state!.Id} moves but was not loaded");
                var reason = outcome switch
                {
                    IngestOutcome.GrantException => $"exception {exception!.Id}: {exception.Reason}",
                    IngestOutcome.ReopenAfterFailedFix => $"still failing after the fix was submitted; {evidenceNote}",
                    IngestOutcome.ReopenReturned => $"the finding returned; {evidenceNote}",
                    _ => $"false positive, but the evidence changed; {evidenceNote}",
                };
                audits.Add(TicketMoves.Apply(moved, to, actor, Role.System, reason, now));
                if (outcome == IngestOutcome.GrantException)
                {
                    moved.ExceptionId = exception!.Id;
                    moved.ExceptionExpiresAt = exception.ExpiresAt;
                }
                else
                {
                    moved.LastReportId = reportId;
                }

                if (IngestDecision.RefreshesEvidence(outcome))
                {
                    moved.Evidence = finding.Evidence;
                    moved.EvidenceHash = Hash(finding.Evidence);
                }
            }
        }

        foreach (var state in absent)
        {
            if (loaded.TryGetValue(state.Id, out var ticket)
                && IngestDecision.Decide(IngestFacts.Absent(ticket.Status, plan.PassedAt(ticket.RequirementId, ticket.CheckId, ticket.Location))) is var outcome
                && IngestDecision.Target(outcome) is { } to)
            {
                Count(counts, outcome);
                audits.Add(TicketMoves.Apply(ticket, to, actor, Role.System,
                    $"check {ticket.CheckId} ran for requirement {ticket.RequirementId} and no longer fails at {ticket.Location}; {evidenceNote}", now));
                ticket.LastReportId = reportId;
            }
        }

        int created = counts.GetValueOrDefault(IngestCount.Created), unchanged = counts.GetValueOrDefault(IngestCount.Unchanged),
            verified = counts.GetValueOrDefault(IngestCount.VerifiedFixed), reopened = counts.GetValueOrDefault(IngestCount.Reopened),
            suppressed = counts.GetValueOrDefault(IngestCount.Suppressed);

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

    /// <summary>The facts of a reported finding against the app's ticket with its fingerprint (snapshot columns or the loaded row).</summary>
    private static IngestFacts FactsOf(TicketStatus status, DateTimeOffset updatedAt, string evidenceHash, Finding finding, ActiveException? exception, ScanReport report) =>
        IngestFacts.Finding(status, exception is not null, report.StartedAt > updatedAt, evidenceHash != Hash(finding.Evidence));

    private static void Count(Dictionary<IngestCount, int> counts, IngestOutcome outcome)
    {
        var counter = IngestDecision.CountedAs(outcome);
        counts[counter] = counts.GetValueOrDefault(counter) + 1;
    }

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

    private static bool Covers(ActiveException exception, Finding finding) =>
        string.Equals(exception.RequirementId, finding.RequirementId, StringComparison.Ordinal)
        && (exception.LocationPattern is null || Glob.IsMatch(exception.LocationPattern, finding.Location));

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
