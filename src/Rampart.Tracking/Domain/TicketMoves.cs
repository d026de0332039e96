using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>Applies a lifecycle move to a stored ticket: checks the table, changes the row, returns the audit entry.</summary>
internal static class TicketMoves
{
    /// <param name="authority">The role the move is checked against (scans and the policy engine move as <see cref="Role.System"/>
    /// while the audit entry names the actor who uploaded the report).</param>
    public static AuditEntity Apply(TicketEntity ticket, TicketStatus to, Actor actor, Role authority, string? reason, DateTimeOffset now)
    {
        var from = ticket.Status;
        TicketLifecycle.Require(from, to, authority);
        ticket.Status = to;
        ticket.UpdatedAt = now;
        ticket.Version++;
        if (to != TicketStatus.ExceptionGranted)
        {
            ticket.ExceptionId = null;
            ticket.ExceptionExpiresAt = null;
        }

        return AuditRecord.Create(now, actor, "ticket.transition", AuditRecord.Ticket(ticket.Id), TicketStatusNames.ToWire(from), TicketStatusNames.ToWire(to), reason);
    }
}
