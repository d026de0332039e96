#pragma warning disable CS9113 // contract stub: the implementation follows in the next commits
using Microsoft.EntityFrameworkCore;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>Approved exceptions: (app, requirement, optional location glob) with a reason and an expiry.</summary>
public sealed class ExceptionService(IDbContextFactory<TrackingDbContext> dbFactory, TimeProvider time, EnforcementService enforcement)
{
    public Task<ExceptionDto> GrantAsync(Actor actor, GrantExceptionRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<ExceptionDto>> ListAsync(Actor actor, string? appKey = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<ExceptionDto> RevokeAsync(Actor actor, Guid id, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
