#pragma warning disable CS9113 // contract stub: the implementation follows in the next commits
using Microsoft.EntityFrameworkCore;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>Turns a ScanReport into ticket changes, one transaction per report, idempotently.</summary>
public sealed class IngestService(IDbContextFactory<TrackingDbContext> dbFactory, TimeProvider time, TrackingPolicy policy, CheckVectors vectors, EnforcementService enforcement)
{
    /// <summary>The largest report accepted (bytes); larger uploads are rejected before parsing.</summary>
    public const long MaxReportBytes = 64L * 1024 * 1024;

    public Task<IngestResult> IngestAsync(Actor actor, string appKey, Stream reportJson, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
