namespace Rampart.Tracking;

/// <summary>One allowed move of the ticket lifecycle, with what the move requires of the request that makes it.</summary>
/// <param name="ReasonRequired">The move needs a reason (it records a human decision someone must be able to review).</param>
/// <param name="DueDate">What the move does with a due date in the request.</param>
public sealed record TransitionRule(TicketStatus From, TicketStatus To, Mover By, bool ReasonRequired = false, DueDateUse DueDate = DueDateUse.NotAccepted)
{
    public bool AllowedFor(Role role) => By switch
    {
        Mover.Vendor => role is Role.Partner or Role.SecurityAnalyst or Role.SecurityAdmin,
        Mover.Staff => role is Role.SecurityAnalyst or Role.SecurityAdmin,
        Mover.Automatic => role is Role.System,
        _ => false,
    };
}
