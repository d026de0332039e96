namespace Rampart.Tracking;

/// <param name="Cause">Why the app is in this state (the policy decision), null for a never-changed listing.</param>
/// <param name="BlockingTicketIds">The tickets that keep the app delisted (empty when listed).</param>
public sealed record ListingDto(ListingState State, DateTimeOffset Since, string? Cause, IReadOnlyList<long> BlockingTicketIds);
