namespace Rampart.Tracking;

/// <summary>A ticket cannot move from its status to the requested one (by this role).</summary>
public sealed class IllegalTransitionException(TicketStatus from, TicketStatus to, IReadOnlyList<TicketStatus> allowed, string? why = null)
    : TrackingException(
        "Illegal transition",
        $"a ticket cannot move from '{TicketStatusNames.ToWire(from)}' to '{TicketStatusNames.ToWire(to)}'"
        + (why is null ? string.Empty : $" ({why})")
        + $"; allowed from '{TicketStatusNames.ToWire(from)}': "
        + (allowed.Count == 0 ? "none" : string.Join(", ", allowed.Select(TicketStatusNames.ToWire))))
{
    public TicketStatus From { get; } = from;

    public TicketStatus To { get; } = to;

    public IReadOnlyList<TicketStatus> Allowed { get; } = allowed;

    public override string Type => "illegal-transition";

    public override TrackingErrorKind Kind => TrackingErrorKind.Conflict;

    public override int StatusCode => 409;
}
