#pragma warning disable CS9113 // contract stub: the implementation follows in the next commits
using Microsoft.EntityFrameworkCore;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>Reading tickets, moving them through the lifecycle, comments and severity overrides.</summary>
public sealed class TicketService(IDbContextFactory<TrackingDbContext> dbFactory, TimeProvider time, TrackingPolicy policy, EnforcementService enforcement)
{
    public Task<TicketPage> ListAsync(Actor actor, TicketQuery query, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<TicketDetailDto> GetAsync(Actor actor, long id, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<TicketDetailDto> TransitionAsync(Actor actor, long id, TransitionRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<CommentDto> CommentAsync(Actor actor, long id, CommentRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<TicketDetailDto> SetSeverityAsync(Actor actor, long id, SeverityOverride request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
