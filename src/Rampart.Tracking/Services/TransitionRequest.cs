namespace Rampart.Tracking;

/// <param name="DueDate">New due date when an analyst approves an extension; the exception's expiry when granting an exception.</param>
/// <param name="Reason">Why (required for false-positive, exception-granted, mitigated and extension decisions).</param>
public sealed record TransitionRequest(TicketStatus To, string? Comment = null, DateTimeOffset? DueDate = null, string? Reason = null);
