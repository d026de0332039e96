using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rampart.Scanning.Reports;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>
/// Turns a ScanReport into ticket changes: one transaction per report, idempotent (the report's SHA-256 is stored per
/// app), one ticket per (app, fingerprint) guaranteed by a unique index, races with concurrent ingests retried.
/// </summary>
public sealed class IngestService(IDbContextFactory<TrackingDbContext> dbFactory, TimeProvider time, TrackingPolicy policy, CheckVectors vectors, EnforcementService enforcement)
{
    /// <summary>The largest report accepted (bytes); larger uploads are rejected before parsing.</summary>
    public const long MaxReportBytes = 64L * 1024 * 1024;

    public async Task<IngestResult> IngestAsync(Actor actor, string appKey, Stream reportJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(reportJson);
        if (actor.Role is not (Role.Ingest or Role.SecurityAdmin or Role.SecurityAnalyst or Role.System))
        {
            throw new ForbiddenException($"role {RoleNames.ToWire(actor.Role)} may not upload scan reports");
        }

        var bytes = await ReadBoundedAsync(reportJson, cancellationToken).ConfigureAwait(false);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var report = Parse(bytes);
        var plan = ReportPlan.From(report);

        return await Retry.OnConflictAsync(ct => IngestOnceAsync(actor, appKey, report, plan, sha, ct), cancellationToken).ConfigureAwait(false);
    }

    private async Task<IngestResult> IngestOnceAsync(Actor actor, string appKey, ScanReport report, ReportPlan plan, string sha, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var app = await db.Apps.AsNoTracking().Where(a => a.Key == appKey).Select(a => new { a.Id, a.Key, a.PartnerId })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? throw new UnknownAppException(appKey);
        if (!string.Equals(report.App.Key, app.Key, StringComparison.Ordinal))
        {
            throw new ReportRejectedException($"app.key '{report.App.Key}' in the report does not match the app '{app.Key}' it was uploaded for", 422);
        }

        // One explicit transaction per report; EF's per-SaveChanges savepoints would only add round trips.
        db.Database.AutoSavepointsEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var previous = await db.Reports.AsNoTracking().Where(r => r.AppId == app.Id && r.Sha256 == sha)
            .Select(r => new { r.Id }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (previous is not null)
        {
            // An identical re-upload changes nothing: same report id back, every finding unchanged.
            return new IngestResult(0, plan.Findings.Count, 0, 0, 0, previous.Id, Duplicate: true);
        }

        var now = time.GetUtcNow();
        var reportId = Guid.CreateVersion7(now);
        var exceptions = await db.Exceptions.AsNoTracking()
            .Where(e => e.AppId == app.Id && e.RevokedAt == null && e.ExpiresAt > now)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var fingerprints = plan.Findings.Keys.ToArray();
        // Untracked: on a re-scan nearly every finding is unchanged, so only the few tickets that move are attached (before
        // they change, so their original Version still guards the update).
        var existing = await db.Tickets.AsNoTracking().Where(t => t.AppId == app.Id && fingerprints.Contains(t.Fingerprint))
            .ToDictionaryAsync(t => t.Fingerprint, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

        var active = TicketLifecycle.Active.ToArray();
        var ran = plan.RanRequirements.Keys.ToArray();
        var absent = ran.Length == 0
            ? []
            : await db.Tickets
                .Where(t => t.AppId == app.Id && active.Contains(t.Status) && ran.Contains(t.RequirementId) && !fingerprints.Contains(t.Fingerprint))
                .ToListAsync(cancellationToken).ConfigureAwait(false);

        int created = 0, unchanged = 0, verified = 0, reopened = 0, suppressed = 0;
        var evidenceNote = $"scan report {reportId} (scan started {report.StartedAt:O}, sha256 {sha})";
        var audits = new List<AuditEntity>();
        var newTickets = new List<TicketEntity>();
        foreach (var (fingerprint, finding) in plan.Findings)
        {
            var exception = exceptions.FirstOrDefault(e => Covers(e, finding));
            if (!existing.TryGetValue(fingerprint, out var ticket))
            {
                if (exception is not null)
                {
                    suppressed++;
                    continue;
                }

                newTickets.Add(NewTicket(app.Id, app.PartnerId, finding, reportId, now));
                created++;
                continue;
            }

            if (Moves(ticket, finding, exception, report.StartedAt))
            {
                db.Tickets.Attach(ticket);
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

        foreach (var ticket in absent)
        {
            if (plan.PassedAt(ticket.RequirementId, ticket.CheckId, ticket.Location))
            {
                audits.Add(TicketMoves.Apply(ticket, TicketStatus.VerifiedFixed, actor, Role.System,
                    $"check {ticket.CheckId} ran for requirement {ticket.RequirementId} and no longer fails at {ticket.Location}; {evidenceNote}", now));
                ticket.LastReportId = reportId;
                verified++;
            }
        }

        db.Reports.Add(new ReportEntity
        {
            Id = reportId,
            AppId = app.Id,
            Sha256 = sha,
            ScanStartedAt = report.StartedAt.ToUniversalTime(),
            IngestedAt = now,
            IngestedBy = actor.Id,
            Created = created,
            Unchanged = unchanged,
            VerifiedFixed = verified,
            Reopened = reopened,
            Suppressed = suppressed,
        });
        db.Audit.AddRange(audits);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // New tickets and their creation entries go in as multi-row inserts: the bulk of a first ingest.
        await BulkInsert.TicketsAsync(db, newTickets, cancellationToken).ConfigureAwait(false);
        var createdEntries = new List<AuditEntity>(newTickets.Count + 1);
        foreach (var ticket in newTickets)
        {
            createdEntries.Add(AuditRecord.Create(now, actor, "ticket.created", AuditRecord.Ticket(ticket.Id), null, "open",
                $"{evidenceNote}; severity {ticket.Severity.ToString().ToLowerInvariant()} {CvssVector.Format(ticket.CvssScore)}, due {ticket.DueDate:O} (policy {policy.Version})"));
        }

        createdEntries.Add(AuditRecord.Create(now, actor, "report.ingested", AuditRecord.App(app.Key), null,
            $"created {created}, unchanged {unchanged}, verified-fixed {verified}, reopened {reopened}, suppressed {suppressed}", evidenceNote));
        await BulkInsert.AuditAsync(db, createdEntries, cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();

        // The policy engine runs for this app in the same transaction: the report and the listing decisions it causes
        // (a relisting after verified fixes) are committed together or not at all.
        await enforcement.RunInAsync(db, app.Id, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new IngestResult(created, unchanged, verified, reopened, suppressed, reportId);
    }

    /// <summary>True when the switch in <see cref="IngestOnceAsync"/> changes the ticket (keep the two in step).</summary>
    private static bool Moves(TicketEntity ticket, Finding finding, ExceptionEntity? exception, DateTimeOffset startedAt) => ticket.Status switch
    {
        var s when TicketLifecycle.IsActive(s) && exception is not null => true,
        TicketStatus.FixSubmitted when startedAt > ticket.UpdatedAt => true,
        TicketStatus.VerifiedFixed when exception is null => true,
        TicketStatus.FalsePositive when ticket.EvidenceHash != Hash(finding.Evidence) && exception is null => true,
        _ => false,
    };

    private TicketEntity NewTicket(long appId, Guid partnerId, Finding finding, Guid reportId, DateTimeOffset now)
    {
        var vector = vectors.Resolve(finding.CheckId, finding.RequirementId, finding.Severity);
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

    private static bool Covers(ExceptionEntity exception, Finding finding) =>
        string.Equals(exception.RequirementId, finding.RequirementId, StringComparison.Ordinal)
        && (exception.LocationPattern is null || Glob.IsMatch(exception.LocationPattern, finding.Location));

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static async Task<byte[]> ReadBoundedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxReportBytes)
            {
                throw new ReportRejectedException($"the report is larger than {MaxReportBytes / (1024 * 1024)} MiB", 413);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new ReportRejectedException("the report body is empty; expected ScanReport JSON");
        }

        return buffer.ToArray();
    }

    private static ScanReport Parse(byte[] bytes)
    {
        ScanReport? report;
        try
        {
            report = JsonSerializer.Deserialize<ScanReport>(bytes, ScanReportJson.Options);
        }
        catch (JsonException e)
        {
            var version = PeekSchemaVersion(bytes);
            if (version is { } v && v != ScanReport.CurrentSchemaVersion)
            {
                throw UnsupportedVersion(v);
            }

            var where = e.Path is null ? string.Empty : $" at {e.Path}";
            var line = e.LineNumber is { } l ? $" (line {l + 1}, byte {e.BytePositionInLine + 1})" : string.Empty;
            throw new ReportRejectedException($"the report is not valid ScanReport JSON{where}{line}: {FirstSentence(e.Message)}", 400, e);
        }

        if (report is null)
        {
            throw new ReportRejectedException("the report is JSON null; expected a ScanReport object");
        }

        if (report.SchemaVersion != ScanReport.CurrentSchemaVersion)
        {
            throw UnsupportedVersion(report.SchemaVersion);
        }

        for (var i = 0; i < report.Findings.Count; i++)
        {
            var f = report.Findings[i];
            Require(f.Fingerprint, 128, $"findings[{i}].fingerprint");
            Require(f.CheckId, 64, $"findings[{i}].checkId");
            Require(f.RequirementId, 64, $"findings[{i}].requirementId");
            Require(f.Location, 4000, $"findings[{i}].location");
        }

        return report;
    }

    private static void Require(string value, int max, string path)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
        {
            throw new ReportRejectedException($"{path} must be 1 to {max} characters", 422);
        }
    }

    private static ReportRejectedException UnsupportedVersion(int version) =>
        new($"schemaVersion {version} is not supported; this server reads ScanReport schemaVersion {ScanReport.CurrentSchemaVersion}", 422);

    private static int? PeekSchemaVersion(byte[] bytes)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("schemaVersion", out var v) && v.TryGetInt32(out var n) ? n : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
