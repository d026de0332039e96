#pragma warning disable CS9113 // contract stub: the implementation follows in the next commits
using Microsoft.EntityFrameworkCore;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>Reads the append-only audit log (staff and auditors only). There is no write, update or delete here.</summary>
public sealed class AuditService(IDbContextFactory<TrackingDbContext> dbFactory)
{
    public Task<AuditPage> ListAsync(Actor actor, AuditQuery query, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
