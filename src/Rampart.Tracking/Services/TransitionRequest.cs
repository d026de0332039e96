namespace Rampart.Tracking;

/// <param name="DueDate">New due date when an analyst approves an extension; the exception's expiry when granting an exception.</param>
/// <param name="Reason">Why (required for false-positive, exception-granted, mitigated and extension decisions).</param>
/// <param name="LocationPattern">Only with false-positive: a glob over instance locations, as an exception's
/// (<see cref="Glob"/>); the decision then covers the open instances it matches, and the ticket moves only when none is
/// left open. Null covers the whole ticket.</param>
public sealed record TransitionRequest(TicketStatus To, string? Comment = null, DateTimeOffset? DueDate = null, string? Reason = null, string? LocationPattern = null);
