namespace Rampart.Tracking;

/// <summary>Ticket lifecycle states (design §3). Wire spelling is kebab-case: see <see cref="TicketStatusNames"/>.</summary>
public enum TicketStatus
{
    Open,
    InProgress,
    FixSubmitted,
    VerifiedFixed,
    Reopened,
    WorkaroundProposed,
    Mitigated,
    ExtensionRequested,
    ExceptionGranted,
    FalsePositive,
    Escalated,
}
