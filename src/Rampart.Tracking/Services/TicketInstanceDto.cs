namespace Rampart.Tracking;

/// <summary>One location a ticket's check failed at, as the API shows it.</summary>
/// <param name="FalsePositivePattern">The location pattern of the false-positive decision that covers it; null when it is
/// not false-positive or the decision covered the whole ticket.</param>
public sealed record TicketInstanceDto(string Fingerprint, string Location, string Evidence, InstanceState State, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, string? FalsePositivePattern = null);
