using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rampart.Catalog;
using Rampart.ScanReports;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>
/// Turns a ScanReport into ticket changes: one transaction per report, idempotent (the report's SHA-256 is stored per
/// app), one ticket per unmet requirement (app, requirement, check) holding one instance per finding fingerprint, both
/// guaranteed by unique indexes, races with concurrent ingests retried.
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

        if (Validate.AppKeyProblem(appKey) is { } badKey)
        {
            throw new ValidationException("key", badKey);
        }

        if (actor.AppKey is { } scopedApp && !string.Equals(scopedApp, appKey, StringComparison.Ordinal))
        {
            throw new ForbiddenException($"this ingest token is scoped to app '{scopedApp}' and may not upload reports for '{appKey}'");
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
        ReportValidation.ThrowIfInvalid(report, CatalogRegistry.Embedded);
        var plan = ReportPlan.From(report);

        var result = await Retry.OnConflictAsync(logger, "ingest", ct => IngestOnceAsync(actor, appKey, report, plan, sha, ct), cancellationToken).ConfigureAwait(false);
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
        var requirements = plan.Findings.Values.Select(f => f.RequirementId).Union(plan.RanRequirements.Keys, StringComparer.Ordinal).ToList();
        var snapshot = await IngestStore.ReadAsync(db, appKey, sha, plan.Findings.Keys, requirements, now,
            EnforcementService.ReminderHorizon(policy, now) + EnforcementMargin, now + EnforcementMargin, cancellationToken).ConfigureAwait(false)
            ?? throw new UnknownAppException(appKey);
        if (actor.Role == Role.Ingest && actor.PartnerId is { } scopedPartner && scopedPartner != snapshot.PartnerId)
        {
            throw new ForbiddenException($"this ingest token is scoped to the apps of partner {scopedPartner}; app '{appKey}' is another partner's");
        }

        IngestBinding.ThrowIfNotOf(report, snapshot);
        if (snapshot.PreviousReportId is { } previous)
        {
            // An identical re-upload changes nothing: same report id back, every reported requirement's ticket unchanged.
            return new IngestResult(0, plan.Findings.Values.Select(f => (f.RequirementId, f.CheckId)).Distinct().Count(), 0, 0, 0, previous, Duplicate: true);
        }

        var reportId = Guid.CreateVersion7(now);
        var appId = snapshot.AppId;
        var exceptions = snapshot.Exceptions;
        var evidenceNote = $"scan report {reportId} (scan started {report.StartedAt:O}, sha256 {sha})";
        if (snapshot.NewestScan is { } newest && report.StartedAt < newest)
        {
            // An older scan than one already applied would undo what the newer one saw (a fix it found failing would be
            // verified): it is kept on record and changes nothing.
            await IngestStore.InsertAsync(db, [], [], [], now, actor, NewReportRow(reportId, appId, sha, report, actor, now),
                AuditRecord.Create(now, actor, "report.stale", AuditRecord.App(snapshot.AppKey), null,
                    $"stale: scan started {report.StartedAt:O}, before the newest ingested scan ({newest:O}); no ticket changed", evidenceNote),
                cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new IngestResult(0, 0, 0, 0, 0, reportId, Stale: true);
        }

        // A ticket is the unmet requirement (app, requirement, check); its findings are instances. A finding already filed
        // as an instance stays with that instance's ticket; any other joins the ticket of its (requirement, check).
        var ticketsById = snapshot.Tickets.ToDictionary(t => t.Id);
        var ticketsByKey = snapshot.Tickets.ToDictionary(t => (t.RequirementId, t.CheckId));
        // On PostgreSQL each statement of the snapshot reads its own snapshot: an instance whose ticket a concurrent ingest
        // committed in between is left out, and inserting it again hits the unique index, which retries the whole report.
        var instances = snapshot.Instances.Where(i => ticketsById.ContainsKey(i.TicketId)).ToList();
        var instancesByFingerprint = instances.ToDictionary(i => i.Fingerprint, StringComparer.Ordinal);
        var groups = new Dictionary<(string RequirementId, string CheckId), Group>();
        Group GroupOf((string, string) key) => groups.TryGetValue(key, out var g) ? g : groups[key] = new Group(ticketsByKey.GetValueOrDefault(key));
        foreach (var ticket in snapshot.Tickets)
        {
            GroupOf((ticket.RequirementId, ticket.CheckId));
        }

        foreach (var instance in instances)
        {
            var ticket = ticketsById[instance.TicketId];
            GroupOf((ticket.RequirementId, ticket.CheckId)).Instances.Add(instance);
        }

        foreach (var finding in plan.Findings.Values)
        {
            var key = instancesByFingerprint.TryGetValue(finding.Fingerprint, out var instance)
                ? (ticketsById[instance.TicketId].RequirementId, ticketsById[instance.TicketId].CheckId)
                : (finding.RequirementId, finding.CheckId);
            GroupOf(key).Findings.Add(finding);
        }

        // Each group decided on the snapshot's columns: each instance's next state, then the ticket's move from all of them.
        // On a re-scan nearly every ticket is unchanged, so only the few that move (or whose severity rises) are loaded
        // whole and tracked (their Version guards the update).
        foreach (var ((requirementId, checkId), group) in groups)
        {
            var reported = group.Findings.ToDictionary(f => f.Fingerprint, StringComparer.Ordinal);
            foreach (var instance in group.Instances)
            {
                var finding = reported.GetValueOrDefault(instance.Fingerprint);
                var covering = exceptions.FirstOrDefault(e => Covers(e, requirementId, finding?.Location ?? instance.Location));
                var after = InstanceDecision.Decide(new InstanceFacts(instance.State, finding is not null, covering is not null,
                    finding is not null && instance.EvidenceHash != Hash(finding.Evidence), finding is null && plan.PassedAt(requirementId, checkId, instance.Location)));
                group.Changes.Add(new InstanceChange(instance.State, after, finding is not null));
                group.Covering.Add(covering);
            }

            foreach (var finding in group.Findings.Where(f => !instancesByFingerprint.ContainsKey(f.Fingerprint)))
            {
                var covering = exceptions.FirstOrDefault(e => Covers(e, requirementId, finding.Location));
                group.New.Add((finding, InstanceDecision.Decide(new InstanceFacts(null, true, covering is not null, false, false))!.Value));
                group.Changes.Add(new InstanceChange(null, group.New[^1].State, true));
                group.Covering.Add(covering);
            }

            group.Outcome = TicketRollup.Decide(group.Ticket?.Status, group.Changes,
                group.Ticket is { } t && report.StartedAt > t.UpdatedAt, plan.RanRequirements.TryGetValue(requirementId, out var ran) && ran.Contains(checkId));

            // Severity is the highest open instance's; the report knows the severity of the instances it reported.
            group.Top = group.Findings
                .Where(f => InstanceStateOf(group, f) == InstanceState.Open)
                .Select(f => vectors.Resolve(f.CheckId, f.Severity))
                .OrderByDescending(v => v.Severity).ThenByDescending(v => v.BaseScore).FirstOrDefault();
            group.SeverityRises = group.Ticket is { SeverityOverridden: false } current && group.Top is { } top && top.Severity > current.Severity;
        }

        var moving = groups.Values.Where(g => g.Ticket is not null && (IngestDecision.Target(g.Outcome) is not null || g.SeverityRises)).Select(g => g.Ticket!.Id).ToList();
        var loaded = moving.Count == 0
            ? []
            : await db.Tickets.Where(t => moving.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken).ConfigureAwait(false);

        var counts = new Dictionary<IngestCount, int>();
        var audits = new List<AuditEntity>();
        var newTickets = new List<TicketEntity>();
        var newInstances = new List<NewInstance>();
        var stateChanges = new List<(long Id, InstanceState State)>();
        var evidenceChanges = new List<(long Id, string Evidence)>();
        var seen = new List<long>();
        foreach (var ((requirementId, checkId), group) in groups)
        {
            var outcome = group.Outcome;
            Count(counts, outcome);
            var reported = group.Findings.ToDictionary(f => f.Fingerprint, StringComparer.Ordinal);
            for (var i = 0; i < group.Instances.Count; i++)
            {
                var instance = group.Instances[i];
                var after = group.Changes[i].After!.Value;
                if (after != instance.State)
                {
                    stateChanges.Add((instance.Id, after));
                }

                if (reported.TryGetValue(instance.Fingerprint, out var finding))
                {
                    seen.Add(instance.Id);
                    if (instance.EvidenceHash != Hash(finding.Evidence))
                    {
                        evidenceChanges.Add((instance.Id, finding.Evidence));
                    }
                }
            }

            if (outcome == IngestOutcome.SuppressNew || (group.Ticket is null && outcome != IngestOutcome.Create))
            {
                // No ticket to hold them: an exception covers every finding of the requirement the app has no ticket for.
                continue;
            }

            var opened = group.New.Where(n => n.State == InstanceState.Open).Select(n => n.Finding).ToList();
            if (outcome == IngestOutcome.Create)
            {
                newTickets.Add(NewTicket(appId, snapshot.PartnerId, opened[0], group.Top!, reportId, now));
            }

            newInstances.AddRange(group.New.Select(n => new NewInstance(new TicketInstanceEntity
            {
                AppId = appId,
                Fingerprint = n.Finding.Fingerprint,
                Location = n.Finding.Location,
                Evidence = n.Finding.Evidence,
                EvidenceHash = Hash(n.Finding.Evidence),
                State = n.State,
                FirstSeenAt = now,
                LastSeenAt = now,
                LastReportId = reportId,
            }, requirementId, checkId)));

            if (group.Ticket is null || !loaded.TryGetValue(group.Ticket.Id, out var moved))
            {
                continue;
            }

            if (IngestDecision.Target(outcome) is { } to)
            {
                var exception = group.Covering.FirstOrDefault(e => e is not null);
                var reason = outcome switch
                {
                    IngestOutcome.GrantException => $"exception {exception!.Id}: {exception.Reason}",
                    IngestOutcome.ReopenAfterFailedFix => $"still failing after the fix was submitted; {evidenceNote}",
                    IngestOutcome.ReopenReturned => $"the finding returned; {evidenceNote}",
                    IngestOutcome.Verify => $"check {checkId} ran for requirement {requirementId} and no longer fails at any of its {group.Instances.Count} locations; {evidenceNote}",
                    _ => $"false positive, but the evidence changed or a new location fails; {evidenceNote}",
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

                if (IngestDecision.RefreshesEvidence(outcome)
                    && group.Findings.FirstOrDefault(f => InstanceStateOf(group, f) == InstanceState.Open) is { } returned)
                {
                    moved.Evidence = returned.Evidence;
                    moved.EvidenceHash = Hash(returned.Evidence);
                }
            }

            if (group.SeverityRises && moved.SeverityReason is null && group.Top is { } top && top.Severity > moved.Severity)
            {
                // A location of higher severity joined the ticket: its deadline follows, still counted from the first report.
                var before = $"{moved.Severity.ToString().ToLowerInvariant()} {CvssVector.Format(moved.CvssScore)} {moved.CvssVector}";
                moved.Severity = top.Severity;
                moved.CvssVector = top.Vector;
                moved.CvssScore = top.BaseScore;
                moved.DueDate = policy.DueDate(top.Severity, moved.ReportedAt);
                moved.LastReminderDays = null;
                moved.UpdatedAt = now;
                moved.Version++;
                audits.Add(AuditRecord.Create(now, actor, "ticket.severity", AuditRecord.Ticket(moved.Id), before,
                    $"{top.Severity.ToString().ToLowerInvariant()} {CvssVector.Format(top.BaseScore)} {top.Vector}; due {moved.DueDate:O}",
                    $"a location of higher severity was reported; {evidenceNote}"));
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

        // Existing instances: one statement for when they were last seen, and one per state they moved to (ingest never
        // moves one to false-positive, so a move ends the false-positive decision's pattern too).
        if (seen.Count > 0)
        {
            await db.Instances.Where(i => seen.Contains(i.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.LastSeenAt, now).SetProperty(i => i.LastReportId, reportId), cancellationToken).ConfigureAwait(false);
        }

        foreach (var byState in stateChanges.GroupBy(c => c.State))
        {
            var ids = byState.Select(c => c.Id).ToList();
            await db.Instances.Where(i => ids.Contains(i.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.State, byState.Key).SetProperty(i => i.FalsePositivePattern, (string?)null), cancellationToken).ConfigureAwait(false);
        }

        foreach (var (id, evidence) in evidenceChanges)
        {
            var hash = Hash(evidence);
            await db.Instances.Where(i => i.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Evidence, evidence).SetProperty(i => i.EvidenceHash, hash), cancellationToken).ConfigureAwait(false);
        }

        // New tickets, their creation entries, the report row and its entry: the bulk of a first ingest.
        var createdReasons = newTickets.Select(ticket =>
            $"{evidenceNote}; severity {ticket.Severity.ToString().ToLowerInvariant()} {CvssVector.Format(ticket.CvssScore)}, due {ticket.DueDate:O} (policy {policy.Version})").ToList();
        var reportRow = NewReportRow(reportId, appId, sha, report, actor, now);
        reportRow.Created = created;
        reportRow.Unchanged = unchanged;
        reportRow.VerifiedFixed = verified;
        reportRow.Reopened = reopened;
        reportRow.Suppressed = suppressed;
        var reportEntry = AuditRecord.Create(now, actor, "report.ingested", AuditRecord.App(snapshot.AppKey), null,
            $"created {created}, unchanged {unchanged}, verified-fixed {verified}, reopened {reopened}, suppressed {suppressed}", evidenceNote);
        await IngestStore.InsertAsync(db, newTickets, createdReasons, newInstances, now, actor, reportRow, reportEntry, cancellationToken).ConfigureAwait(false);

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

    private static ReportEntity NewReportRow(Guid reportId, long appId, string sha, ScanReport report, Actor actor, DateTimeOffset now) => new()
    {
        Id = reportId,
        AppId = appId,
        Sha256 = sha,
        ScanStartedAt = report.StartedAt.ToUniversalTime(),
        IngestedAt = now,
        IngestedBy = actor.Id,
    };

    /// <summary>The state a reported finding's instance has after the report (existing or new).</summary>
    private static InstanceState? InstanceStateOf(Group group, Finding finding)
    {
        var index = group.Instances.FindIndex(i => i.Fingerprint == finding.Fingerprint);
        return index >= 0 ? group.Changes[index].After : group.New.FirstOrDefault(n => n.Finding.Fingerprint == finding.Fingerprint).State;
    }

    private static void Count(Dictionary<IngestCount, int> counts, IngestOutcome outcome)
    {
        var counter = IngestDecision.CountedAs(outcome);
        counts[counter] = counts.GetValueOrDefault(counter) + 1;
    }

    /// <summary>A new ticket for the unmet requirement: its first open instance's finding names it, the highest open
    /// instance's vector rates it.</summary>
    private TicketEntity NewTicket(long appId, Guid partnerId, Finding finding, CvssVector vector, Guid reportId, DateTimeOffset now)
    {
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

    /// <summary>An exception without a location pattern covers the whole requirement; with one, the instances it matches.</summary>
    private static bool Covers(ActiveException exception, string requirementId, string location) =>
        string.Equals(exception.RequirementId, requirementId, StringComparison.Ordinal)
        && (exception.LocationPattern is null || Glob.IsMatch(exception.LocationPattern, location));

    /// <summary>One (requirement, check) of the app as ingest decides it: its ticket (if any), its stored instances, the
    /// report's findings for it, and, aligned with <see cref="Changes"/>, the stored instances first, then the new ones.</summary>
    private sealed class Group(TicketState? ticket)
    {
        public TicketState? Ticket { get; } = ticket;

        public List<InstanceRow> Instances { get; } = [];

        public List<Finding> Findings { get; } = [];

        public List<(Finding Finding, InstanceState State)> New { get; } = [];

        public List<InstanceChange> Changes { get; } = [];

        public List<ActiveException?> Covering { get; } = [];

        public IngestOutcome Outcome { get; set; }

        public CvssVector? Top { get; set; }

        public bool SeverityRises { get; set; }
    }

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
