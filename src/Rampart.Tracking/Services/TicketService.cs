using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>Reading tickets, moving them through the lifecycle, comments and severity overrides.</summary>
public sealed class TicketService(IDbContextFactory<TrackingDbContext> dbFactory, TimeProvider time, TrackingPolicy policy, EnforcementService enforcement, ILogger<TicketService> logger)
{
    public async Task<TicketPage> ListAsync(Actor actor, TicketQuery query, CancellationToken cancellationToken = default)
    {
        Access.RequireReader(actor, "tickets");
        ArgumentNullException.ThrowIfNull(query);
        new Validate()
            .Check(query.Page >= 1, "page", "must be 1 or more")
            .Check(query.PageSize is >= 1 and <= TicketQuery.MaxPageSize, "pageSize", $"must be between 1 and {TicketQuery.MaxPageSize}")
            .ThrowIfAny();

        var scope = Access.PartnerScope(actor);
        var now = time.GetUtcNow();
        var active = TicketLifecycle.Active.ToArray();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // The count and the page share one connection instead of taking it from the pool twice.
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // Two statements per page: a capped count and the page itself (with the app keys joined for its rows only).
        // The partner scope filters the tickets' own PartnerId and the app filter is a key -> id subquery, so neither
        // needs a round trip of its own nor a join across a million rows.
        var rows = db.Tickets.AsNoTracking();
        if (scope is { } partner)
        {
            rows = rows.Where(t => t.PartnerId == partner);
        }

        if (query.AppKey is { } appKey)
        {
            rows = rows.Where(t => t.AppId == db.Apps.Where(a => a.Key == appKey).Select(a => a.Id).FirstOrDefault());
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(t => t.Status == status);
        }

        if (query.Severity is { } severity)
        {
            rows = rows.Where(t => t.Severity == severity);
        }

        if (query.Overdue is { } overdue)
        {
            rows = overdue
                ? rows.Where(t => active.Contains(t.Status) && t.DueDate < now)
                : rows.Where(t => !(active.Contains(t.Status) && t.DueDate < now));
        }

        // Counting every match of a broad filter over a million tickets costs hundreds of milliseconds per request;
        // past TicketPage.CountLimit the list says "at least that many" instead (TotalExact = false). Unordered on
        // purpose (see TrackingServiceCollectionExtensions.Configure): the database picks the cheapest index.
        var counted = await rows.Take(TicketPage.CountLimit + 1).CountAsync(cancellationToken).ConfigureAwait(false);
        // The page's ids come from the index alone (every filter and the order are index columns), and only those
        // rows are read from the table: skipping to page 10 then costs index entries, not 450 random heap reads.
        var pageIds = rows.OrderBy(t => t.DueDate).ThenBy(t => t.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(t => t.Id);
        var items = counted == 0
            ? []
            : await (from t in db.Tickets.AsNoTracking()
                     where pageIds.Contains(t.Id)
                     join a in db.Apps on t.AppId equals a.Id
                     orderby t.DueDate, t.Id
                     select new TicketDto
                     {
                         Id = t.Id,
                         AppKey = a.Key,
                         Fingerprint = t.Fingerprint,
                         RequirementId = t.RequirementId,
                         CheckId = t.CheckId,
                         Title = t.Title,
                         Location = t.Location,
                         Severity = t.Severity,
                         CvssVector = t.CvssVector,
                         CvssScore = t.CvssScore,
                         Status = t.Status,
                         DueDate = t.DueDate,
                         ReportedAt = t.ReportedAt,
                         UpdatedAt = t.UpdatedAt,
                         Overdue = active.Contains(t.Status) && t.DueDate < now,
                     }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new TicketPage(items, Math.Min(counted, TicketPage.CountLimit), query.Page, query.PageSize)
        {
            TotalExact = counted <= TicketPage.CountLimit,
        };
    }

    public async Task<TicketDetailDto> GetAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        Access.RequireReader(actor, "tickets");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var (ticket, app) = await LoadAsync(db, actor, id, tracked: false, cancellationToken).ConfigureAwait(false);
        return await DetailAsync(db, ticket, app.Key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TicketDetailDto> TransitionAsync(Actor actor, long id, TransitionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        RequireWriter(actor);
        await Retry.OnConflictAsync(logger, "ticket-transition", ct => InTransactionAsync((db, c) => TransitionInAsync(db, actor, id, request, c), ct), cancellationToken).ConfigureAwait(false);
        return await GetAsync(actor, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The move, validated against its rule and saved; returns the ticket's app for the enforcement run.</summary>
    private async Task<long> TransitionInAsync(TrackingDbContext db, Actor actor, long id, TransitionRequest request, CancellationToken cancellationToken)
    {
        var (ticket, app) = await LoadAsync(db, actor, id, tracked: true, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var from = ticket.Status;
        var to = request.To;
        var rule = TicketLifecycle.Require(from, to, actor.Role);

        // The move's preconditions come from its rule in the lifecycle table.
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? request.Comment?.Trim() : request.Reason.Trim();
        var approvingExtension = rule.DueDate == DueDateUse.NewDueDate && request.DueDate is not null;
        var validate = new Validate();
        if (rule.ReasonRequired)
        {
            validate.Check(!string.IsNullOrWhiteSpace(reason), "reason", $"is required to move a ticket to {TicketStatusNames.ToWire(to)}");
        }

        switch (rule.DueDate)
        {
            case DueDateUse.ExceptionExpiry:
                validate.Check(request.DueDate is not null && request.DueDate > now, "dueDate", "the exception's expiry is required and must be in the future");
                break;
            case DueDateUse.NewDueDate when approvingExtension:
                validate.Check(request.DueDate > ticket.DueDate, "dueDate", $"an approved extension must move the due date past {ticket.DueDate:O}");
                break;
            case DueDateUse.NotAccepted:
                validate.Check(request.DueDate is null, "dueDate", "is accepted only when approving an extension (extension-requested → in-progress) or granting an exception");
                break;
        }

        validate.Check(request.Comment is null || request.Comment.Length <= 20000, "comment", "is longer than 20000 characters");
        validate.Check(reason is null || reason.Length <= 4000, "reason", "is longer than 4000 characters");
        var pattern = request.LocationPattern;
        validate.Check(pattern is null || to == TicketStatus.FalsePositive, "locationPattern", "is accepted only when moving a ticket to false-positive");
        validate.Check(pattern is null || (pattern.Length is > 0 and <= 4000), "locationPattern", "must be 1 to 4000 characters when given");
        validate.ThrowIfAny();

        if (pattern is not null)
        {
            await FalsePositiveByPatternAsync(db, ticket, actor, reason, pattern, now, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            db.Audit.Add(TicketMoves.Apply(ticket, to, actor, actor.Role, reason, now));
        }

        // A false-positive decision without a pattern covers the ticket's failing instances while their evidence is
        // unchanged; taking it back makes every false-positive instance count again.
        if ((to == TicketStatus.FalsePositive && pattern is null) || (from == TicketStatus.FalsePositive && TicketLifecycle.IsActive(to)))
        {
            var (before, after) = to == TicketStatus.FalsePositive
                ? (InstanceState.Open, InstanceState.FalsePositive)
                : (InstanceState.FalsePositive, InstanceState.Open);
            await db.Instances.Where(i => i.TicketId == ticket.Id && i.State == before)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.State, after).SetProperty(i => i.FalsePositivePattern, (string?)null), cancellationToken).ConfigureAwait(false);
        }

        if (rule.DueDate == DueDateUse.ExceptionExpiry)
        {
            ticket.ExceptionExpiresAt = request.DueDate!.Value.ToUniversalTime();
        }

        if (approvingExtension)
        {
            var newDue = request.DueDate!.Value.ToUniversalTime();
            db.Audit.Add(AuditRecord.Create(now, actor, "ticket.due-date", AuditRecord.Ticket(ticket.Id), ticket.DueDate.ToString("O"), newDue.ToString("O"), reason ?? "extension approved"));
            ticket.DueDate = newDue;
            ticket.LastReminderDays = null;
        }

        if (!string.IsNullOrWhiteSpace(request.Comment))
        {
            AddComment(db, ticket.Id, actor, request.Comment.Trim(), now);
        }

        await SaveTicketAsync(db, id, cancellationToken).ConfigureAwait(false);
        return app.Id;
    }

    /// <summary>
    /// A false-positive decision for the open instances whose location <paramref name="pattern"/> matches (the glob
    /// exceptions use): they stay false-positive while their evidence is unchanged, as a whole-ticket decision's do. The
    /// ticket moves to false-positive only when no open instance is left; otherwise it keeps its status and the audit
    /// log records the decision on its own. Either entry names the pattern.
    /// </summary>
    private static async Task FalsePositiveByPatternAsync(TrackingDbContext db, TicketEntity ticket, Actor actor, string? reason, string pattern, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.Instances.Where(i => i.TicketId == ticket.Id && i.State == InstanceState.Open)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var covered = open.Where(i => Glob.IsMatch(pattern, i.Location)).ToList();
        new Validate().Check(covered.Count > 0, "locationPattern", $"matches none of the ticket's {open.Count} open instances").ThrowIfAny();
        foreach (var instance in covered)
        {
            instance.State = InstanceState.FalsePositive;
            instance.FalsePositivePattern = pattern;
        }

        var left = open.Count - covered.Count;
        var decision = $"locations {pattern}: {covered.Count} instance(s) false-positive, {left} open";
        if (left == 0)
        {
            db.Audit.Add(TicketMoves.Apply(ticket, TicketStatus.FalsePositive, actor, actor.Role, $"{reason} ({decision})", now));
            return;
        }

        // The ticket keeps its status, but it changed: its version guards against a scan deciding on the old instances.
        ticket.UpdatedAt = now;
        ticket.Version++;
        db.Audit.Add(AuditRecord.Create(now, actor, "ticket.false-positive", AuditRecord.Ticket(ticket.Id),
            $"{open.Count} open", decision, reason));
    }

    public async Task<CommentDto> CommentAsync(Actor actor, long id, CommentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        RequireWriter(actor);
        new Validate().Required("text", request.Text, 20000).ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var (ticket, _) = await LoadAsync(db, actor, id, tracked: false, cancellationToken).ConfigureAwait(false);
        var comment = AddComment(db, ticket.Id, actor, request.Text.Trim(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ToDto(comment);
    }

    public async Task<TicketDetailDto> SetSeverityAsync(Actor actor, long id, SeverityOverride request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Access.RequireStaff(actor, "override a ticket's severity");
        var vector = CvssVector.Parse(request.CvssVector);
        new Validate().Required("reason", request.Reason, 4000).ThrowIfAny();
        await Retry.OnConflictAsync(logger, "ticket-severity", ct => InTransactionAsync((db, c) => SetSeverityInAsync(db, actor, id, request, vector, c), ct), cancellationToken).ConfigureAwait(false);
        return await GetAsync(actor, id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<long> SetSeverityInAsync(TrackingDbContext db, Actor actor, long id, SeverityOverride request, CvssVector vector, CancellationToken cancellationToken)
    {
        var (ticket, app) = await LoadAsync(db, actor, id, tracked: true, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var before = $"{ticket.Severity.ToString().ToLowerInvariant()} {CvssVector.Format(ticket.CvssScore)} {ticket.CvssVector}";
        ticket.CvssVector = vector.Vector;
        ticket.CvssScore = vector.BaseScore;
        ticket.Severity = vector.Severity;
        ticket.SeverityReason = request.Reason.Trim();
        // The deadline follows the severity, still counted from when the ticket was reported.
        ticket.DueDate = policy.DueDate(vector.Severity, ticket.ReportedAt);
        ticket.UpdatedAt = now;
        ticket.Version++;
        var after = $"{vector.Severity.ToString().ToLowerInvariant()} {CvssVector.Format(vector.BaseScore)} {vector.Vector}; due {ticket.DueDate:O}";
        db.Audit.Add(AuditRecord.Create(now, actor, "ticket.severity", AuditRecord.Ticket(ticket.Id), before, after, ticket.SeverityReason));
        await SaveTicketAsync(db, id, cancellationToken).ConfigureAwait(false);
        return app.Id;
    }

    /// <summary>
    /// One change to a ticket and the app's enforcement run in one transaction, as ingest does: the change and the
    /// listing decisions it causes (a delisting after a severity raise, a relisting after a fix) commit together or not
    /// at all. The ticket's own lost race is a 409 (<see cref="SaveTicketAsync"/>: the caller decided on what it read);
    /// the enforcement run losing one (to a concurrent run) throws a retryable error, and the caller's retry redoes the
    /// change on fresh rows.
    /// </summary>
    private async Task<bool> InTransactionAsync(Func<TrackingDbContext, CancellationToken, Task<long>> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var appId = await change(db, cancellationToken).ConfigureAwait(false);
        await enforcement.RunInAsync(db, appId, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    internal static TicketDto ToDto(TicketEntity t, string appKey, DateTimeOffset now) => new()
    {
        Id = t.Id,
        AppKey = appKey,
        Fingerprint = t.Fingerprint,
        RequirementId = t.RequirementId,
        CheckId = t.CheckId,
        Title = t.Title,
        Location = t.Location,
        Severity = t.Severity,
        CvssVector = t.CvssVector,
        CvssScore = t.CvssScore,
        Status = t.Status,
        DueDate = t.DueDate,
        ReportedAt = t.ReportedAt,
        UpdatedAt = t.UpdatedAt,
        Overdue = TicketLifecycle.IsActive(t.Status) && t.DueDate < now,
    };

    /// <summary>A scan or the policy engine changed the ticket since it was read: the caller decides again on fresh data.</summary>
    private static async Task SaveTicketAsync(TrackingDbContext db, long id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"ticket {id} was changed at the same time (by a scan or the policy engine); reload it and try again");
        }
    }

    private static void RequireWriter(Actor actor)
    {
        if (actor.Role is Role.Auditor or Role.Ingest)
        {
            throw new ForbiddenException($"role {RoleNames.ToWire(actor.Role)} may not change tickets");
        }

        if (actor.Role == Role.Partner && actor.PartnerId is null)
        {
            throw new ForbiddenException("a partner token without a partner id may not change tickets");
        }
    }

    private static CommentEntity AddComment(TrackingDbContext db, long ticketId, Actor actor, string text, DateTimeOffset now)
    {
        var comment = new CommentEntity { TicketId = ticketId, At = now, Author = actor.Id, AuthorRole = actor.Role, Text = text };
        db.Comments.Add(comment);
        db.Audit.Add(AuditRecord.Create(now, actor, "ticket.comment", AuditRecord.Ticket(ticketId), null, text.Length <= 200 ? text : text[..200] + "…", null));
        return comment;
    }

    private static async Task<(TicketEntity Ticket, AppEntity App)> LoadAsync(TrackingDbContext db, Actor actor, long id, bool tracked, CancellationToken cancellationToken)
    {
        var scope = Access.PartnerScope(actor);
        // AsNoTracking applies to the whole query, so a tracked load must not use it on the joined apps either.
        var tickets = tracked ? db.Tickets : db.Tickets.AsNoTracking();
        var apps = tracked ? db.Apps : db.Apps.AsNoTracking();
        var row = await (from t in tickets
                         join a in apps on t.AppId equals a.Id
                         where t.Id == id && (scope == null || a.PartnerId == scope)
                         select new { t, a })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? throw new NotFoundException($"no ticket with id {id}") : (row.t, row.a);
    }

    private async Task<TicketDetailDto> DetailAsync(TrackingDbContext db, TicketEntity t, string appKey, CancellationToken cancellationToken)
    {
        var subject = AuditRecord.Ticket(t.Id);
        var history = await db.Audit.AsNoTracking().Where(e => e.Subject == subject).OrderBy(e => e.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var comments = await db.Comments.AsNoTracking().Where(c => c.TicketId == t.Id).OrderBy(c => c.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var instances = await db.Instances.AsNoTracking().Where(i => i.TicketId == t.Id).OrderBy(i => i.Id)
            .Select(i => new TicketInstanceDto(i.Fingerprint, i.Location, i.Evidence, i.State, i.FirstSeenAt, i.LastSeenAt, i.FalsePositivePattern))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var dto = ToDto(t, appKey, now);
        return new TicketDetailDto
        {
            Id = dto.Id,
            AppKey = dto.AppKey,
            Fingerprint = dto.Fingerprint,
            RequirementId = dto.RequirementId,
            CheckId = dto.CheckId,
            Title = dto.Title,
            Location = dto.Location,
            Severity = dto.Severity,
            CvssVector = dto.CvssVector,
            CvssScore = dto.CvssScore,
            Status = dto.Status,
            DueDate = dto.DueDate,
            ReportedAt = dto.ReportedAt,
            UpdatedAt = dto.UpdatedAt,
            Overdue = dto.Overdue,
            Evidence = t.Evidence,
            Remediation = t.Remediation,
            SeverityReason = t.SeverityReason,
            History = history.Select(AuditRecord.ToDto).ToList(),
            Comments = comments.Select(ToDto).ToList(),
            Instances = instances,
        };
    }

    private static CommentDto ToDto(CommentEntity c) => new(c.Id, c.TicketId, c.At, c.Author, c.AuthorRole, c.Text);
}
