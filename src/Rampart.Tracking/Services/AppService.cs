#pragma warning disable CS9113 // contract stub: the implementation follows in the next commits
using Microsoft.EntityFrameworkCore;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>Apps and their listing state.</summary>
public sealed class AppService(IDbContextFactory<TrackingDbContext> dbFactory, TimeProvider time)
{
    public Task<AppDto> CreateAsync(Actor actor, CreateAppRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<AppDto> GetAsync(Actor actor, string key, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<AppDto>> ListAsync(Actor actor, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
