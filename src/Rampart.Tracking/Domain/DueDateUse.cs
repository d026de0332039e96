namespace Rampart.Tracking;

/// <summary>What a move does with the request's <c>dueDate</c> (a precondition in the <see cref="TicketLifecycle"/> table).</summary>
public enum DueDateUse
{
    /// <summary>The move takes no date; sending one is a validation error.</summary>
    NotAccepted,

    /// <summary>Required: the exception's expiry, in the future (exception-granted).</summary>
    ExceptionExpiry,

    /// <summary>Optional: an approved extension's new due date, later than the current one (extension-requested → in-progress);
    /// without one the move rejects the extension.</summary>
    NewDueDate,
}
