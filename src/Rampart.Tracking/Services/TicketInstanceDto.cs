namespace Rampart.Tracking;

/// <summary>One location a ticket's check failed at, as the API shows it.</summary>
public sealed record TicketInstanceDto(string Fingerprint, string Location, string Evidence, InstanceState State, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
