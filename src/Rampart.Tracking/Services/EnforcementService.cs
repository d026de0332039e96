#pragma warning disable CS9113 // contract stub: the implementation follows in the next commits
using Microsoft.EntityFrameworkCore;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>The policy engine: escalates breached tickets, delists and relists apps, sends reminders, expires exceptions.</summary>
public sealed class EnforcementService(IDbContextFactory<TrackingDbContext> dbFactory, TimeProvider time, TrackingPolicy policy)
{
    public Task<EnforcementResult> RunAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
