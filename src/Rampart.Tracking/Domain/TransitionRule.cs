namespace Rampart.Tracking;

/// <summary>One allowed move of the ticket lifecycle.</summary>
public sealed record TransitionRule(TicketStatus From, TicketStatus To, Mover By)
{
    public bool AllowedFor(Role role) => By switch
    {
        Mover.Vendor => role is Role.Partner or Role.SecurityAnalyst or Role.SecurityAdmin,
        Mover.Staff => role is Role.SecurityAnalyst or Role.SecurityAdmin,
        Mover.Automatic => role is Role.System,
        _ => false,
    };
}
