using Microsoft.EntityFrameworkCore;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>Reads the append-only audit log (staff and auditors only). There is no write, update or delete here.</summary>
public sealed class AuditService(IDbContextFactory<TrackingDbContext> dbFactory)
{
    public async Task<AuditPage> ListAsync(Actor actor, AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (actor.Role is not (Role.SecurityAdmin or Role.SecurityAnalyst or Role.Auditor or Role.System))
        {
            throw new ForbiddenException($"role {RoleNames.ToWire(actor.Role)} may not read the audit log");
        }

        new Validate()
            .Check(query.Page >= 1, "page", "must be 1 or more")
            .Check(query.PageSize is >= 1 and <= 500, "pageSize", "must be between 1 and 500")
            .ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = db.Audit.AsNoTracking();
        if (query.Subject is not null)
        {
            rows = rows.Where(e => e.Subject == query.Subject);
        }

        if (query.Since is { } since)
        {
            rows = rows.Where(e => e.At >= since);
        }

        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await rows.OrderBy(e => e.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new AuditPage(items.Select(AuditRecord.ToDto).ToList(), total);
    }
}
