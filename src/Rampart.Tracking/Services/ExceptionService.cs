using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>Approved exceptions: (app, requirement, optional location glob) with a reason and an expiry. While active, no
/// ticket is opened or kept open for a matching finding: without a glob it covers the requirement's ticket whole, with
/// one the ticket's instances it matches.</summary>
public sealed class ExceptionService(IDbContextFactory<TrackingDbContext> dbFactory, TimeProvider time, EnforcementService enforcement, ILogger<ExceptionService> logger)
{
    public async Task<ExceptionDto> GrantAsync(Actor actor, GrantExceptionRequest request, CancellationToken cancellationToken = default)
    {
        Access.RequireStaff(actor, "grant exceptions");
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        new Validate()
            .Required("appKey", request.AppKey, 200)
            .Required("requirementId", request.RequirementId, 64)
            .Required("reason", request.Reason, 4000)
            .Check(request.LocationPattern is null || (request.LocationPattern.Length is > 0 and <= 4000), "locationPattern", "must be 1 to 4000 characters when given")
            .Check(request.ExpiresAt > now, "expiresAt", "must be in the future")
            .ThrowIfAny();
        return await Retry.OnConflictAsync(logger, "exception-grant", ct => GrantOnceAsync(actor, request, now, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The grant, the tickets it covers and the app's enforcement run, in one transaction.</summary>
    private async Task<ExceptionDto> GrantOnceAsync(Actor actor, GrantExceptionRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var app = await db.Apps.AsNoTracking().FirstOrDefaultAsync(a => a.Key == request.AppKey, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException($"no app with key '{request.AppKey}'");
        var exception = new ExceptionEntity
        {
            Id = Guid.CreateVersion7(now),
            AppId = app.Id,
            RequirementId = request.RequirementId.Trim(),
            LocationPattern = request.LocationPattern,
            Reason = request.Reason.Trim(),
            GrantedBy = actor.Id,
            GrantedAt = now,
            ExpiresAt = request.ExpiresAt.ToUniversalTime(),
        };
        db.Exceptions.Add(exception);
        db.Audit.Add(AuditRecord.Create(now, actor, "exception.granted", AuditRecord.Exception(exception.Id), null,
            $"app {app.Key}, requirement {exception.RequirementId}, location {exception.LocationPattern ?? "*"}, expires {exception.ExpiresAt:O}", exception.Reason));

        var active = TicketLifecycle.Active.ToArray();
        var matching = await db.Tickets
            .Where(t => t.AppId == app.Id && t.RequirementId == exception.RequirementId && active.Contains(t.Status))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Without a location pattern the exception covers each matching ticket whole; with one, the open instances it
        // matches, and a ticket moves only when none of its instances is left open.
        var ticketIds = matching.Select(t => t.Id).ToList();
        var instances = await db.Instances.Where(i => ticketIds.Contains(i.TicketId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var ticket in matching)
        {
            var open = instances.Where(i => i.TicketId == ticket.Id && i.State == InstanceState.Open).ToList();
            var covered = open.Where(i => exception.LocationPattern is null || Glob.IsMatch(exception.LocationPattern, i.Location)).ToList();
            covered.ForEach(i => i.State = InstanceState.Excepted);
            if (covered.Count == open.Count && (covered.Count > 0 || exception.LocationPattern is null))
            {
                db.Audit.Add(TicketMoves.Apply(ticket, TicketStatus.ExceptionGranted, actor, Role.System, $"exception {exception.Id}: {exception.Reason}", now));
                ticket.ExceptionId = exception.Id;
                ticket.ExceptionExpiresAt = exception.ExpiresAt;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await enforcement.RunInAsync(db, app.Id, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ToDto(exception, app.Key, now);
    }

    public async Task<IReadOnlyList<ExceptionDto>> ListAsync(Actor actor, string? appKey = null, CancellationToken cancellationToken = default)
    {
        Access.RequireReader(actor, "exceptions");
        var scope = Access.PartnerScope(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await (from e in db.Exceptions.AsNoTracking()
                          join a in db.Apps.AsNoTracking() on e.AppId equals a.Id
                          where (appKey == null || a.Key == appKey) && (scope == null || a.PartnerId == scope)
                          orderby e.GrantedAt, e.Id
                          select new { e, a.Key })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return rows.Select(r => ToDto(r.e, r.Key, now)).ToList();
    }

    public async Task<ExceptionDto> RevokeAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        Access.RequireStaff(actor, "revoke exceptions");
        return await Retry.OnConflictAsync(logger, "exception-revoke", ct => RevokeOnceAsync(actor, id, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The revocation, the tickets it reopens and the app's enforcement run, in one transaction.</summary>
    private async Task<ExceptionDto> RevokeOnceAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var exception = await db.Exceptions.FirstOrDefaultAsync(e => e.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException($"no exception with id {id}");
        var appKey = await db.Apps.Where(a => a.Id == exception.AppId).Select(a => a.Key).FirstAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (exception.RevokedAt is not null)
        {
            throw new ConflictException($"exception {id} was already revoked at {exception.RevokedAt:O}");
        }

        exception.RevokedAt = now;
        db.Audit.Add(AuditRecord.Create(now, actor, "exception.revoked", AuditRecord.Exception(id), "active", "revoked", null));
        var suppressed = await db.Tickets.Where(t => t.ExceptionId == id && t.Status == TicketStatus.ExceptionGranted)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var ticket in suppressed)
        {
            db.Audit.Add(TicketMoves.Apply(ticket, TicketStatus.Open, actor, Role.System, $"exception {id} revoked", now));
        }

        // Instances the exception covered count again (a later scan decides each on its own findings).
        var reopened = suppressed.Select(t => t.Id).ToList();
        await db.Instances.Where(i => reopened.Contains(i.TicketId) && i.State == InstanceState.Excepted)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.State, InstanceState.Open), cancellationToken).ConfigureAwait(false);

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await enforcement.RunInAsync(db, exception.AppId, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ToDto(exception, appKey, now);
    }

    private static ExceptionDto ToDto(ExceptionEntity e, string appKey, DateTimeOffset now) => new(
        e.Id, appKey, e.RequirementId, e.LocationPattern, e.Reason, e.GrantedBy, e.GrantedAt, e.ExpiresAt, e.RevokedAt,
        Active: e.RevokedAt is null && e.ExpiresAt > now);
}
