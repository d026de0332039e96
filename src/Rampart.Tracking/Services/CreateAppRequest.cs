namespace Rampart.Tracking;

/// <param name="Kind">One of <c>connect</c>, <c>forge</c>, <c>forge-egress</c>, <c>power-up</c>.</param>
public sealed record CreateAppRequest(string Key, string Name, string Kind, Guid PartnerId, string? DescriptorUrl = null);
