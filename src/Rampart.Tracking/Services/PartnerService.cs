#pragma warning disable CS9113 // contract stub: the implementation follows in the next commits
using Microsoft.EntityFrameworkCore;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>Partners (vendors) and their security contacts.</summary>
public sealed class PartnerService(IDbContextFactory<TrackingDbContext> dbFactory, TimeProvider time)
{
    public Task<PartnerDto> CreateAsync(Actor actor, CreatePartnerRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<PartnerDto> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<PartnerDto>> ListAsync(Actor actor, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
