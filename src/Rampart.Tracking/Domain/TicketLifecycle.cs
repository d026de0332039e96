namespace Rampart.Tracking;

/// <summary>
/// The ticket state machine of design §3 as one table: every allowed move, and who may make it. Anything not in the
/// table is illegal. Partners make only vendor moves; analysts and admins make vendor and review moves; scans and the
/// policy engine (<see cref="Role.System"/>) make only the automatic moves.
/// </summary>
public static class TicketLifecycle
{
    /// <summary>Statuses in which a ticket still needs work: they count against the deadline and can block a listing.</summary>
    public static IReadOnlySet<TicketStatus> Active { get; } = new HashSet<TicketStatus>
    {
        TicketStatus.Open, TicketStatus.Reopened, TicketStatus.InProgress, TicketStatus.FixSubmitted,
        TicketStatus.WorkaroundProposed, TicketStatus.ExtensionRequested, TicketStatus.Escalated,
    };

    /// <summary>Human decisions a scan never overrides (a false positive only while its evidence is unchanged).</summary>
    public static IReadOnlySet<TicketStatus> HumanDecisions { get; } = new HashSet<TicketStatus>
    {
        TicketStatus.FalsePositive, TicketStatus.Mitigated, TicketStatus.ExceptionGranted,
    };

    public static IReadOnlyList<TransitionRule> Rules { get; } = BuildRules();

    public static bool IsActive(TicketStatus status) => Active.Contains(status);

    /// <summary>The rule for a move by a role, or null when the move is illegal for it.</summary>
    public static TransitionRule? Find(TicketStatus from, TicketStatus to, Role role) =>
        Rules.FirstOrDefault(r => r.From == from && r.To == to && r.AllowedFor(role));

    /// <summary>The statuses a role may move a ticket to from <paramref name="from"/>.</summary>
    public static IReadOnlyList<TicketStatus> AllowedTargets(TicketStatus from, Role role) =>
        Rules.Where(r => r.From == from && r.AllowedFor(role)).Select(r => r.To).Distinct().ToList();

    /// <summary>Throws <see cref="IllegalTransitionException"/> unless the role may make the move.</summary>
    public static TransitionRule Require(TicketStatus from, TicketStatus to, Role role) =>
        Find(from, to, role) ?? throw new IllegalTransitionException(
            from,
            to,
            AllowedTargets(from, role),
            Rules.Any(r => r.From == from && r.To == to) ? $"not allowed for role {RoleNames.ToWire(role)}" : null);

    private static List<TransitionRule> BuildRules()
    {
        var rules = new List<TransitionRule>();
        void Add(Mover by, TicketStatus to, params TicketStatus[] from) => With(by, to, reason: false, DueDateUse.NotAccepted, from);
        void With(Mover by, TicketStatus to, bool reason, DueDateUse dueDate, params TicketStatus[] from)
        {
            foreach (var f in from)
            {
                rules.Add(new TransitionRule(f, to, by, reason, dueDate));
            }
        }

        TicketStatus[] working = [TicketStatus.Open, TicketStatus.Reopened, TicketStatus.Escalated];
        TicketStatus[] active = [.. Active];
        TicketStatus[] closed = [TicketStatus.VerifiedFixed, TicketStatus.Mitigated, TicketStatus.FalsePositive, TicketStatus.ExceptionGranted];

        // Vendor moves: the partner works the ticket (staff may make them on the partner's behalf).
        Add(Mover.Vendor, TicketStatus.InProgress, working);
        Add(Mover.Vendor, TicketStatus.FixSubmitted, TicketStatus.InProgress, TicketStatus.Escalated);
        Add(Mover.Vendor, TicketStatus.WorkaroundProposed, TicketStatus.InProgress, TicketStatus.Escalated);
        Add(Mover.Vendor, TicketStatus.ExtensionRequested, TicketStatus.Open, TicketStatus.Reopened, TicketStatus.InProgress, TicketStatus.Escalated);

        // Review moves by the security team.
        Add(Mover.Staff, TicketStatus.VerifiedFixed, TicketStatus.FixSubmitted);
        Add(Mover.Staff, TicketStatus.Reopened, TicketStatus.FixSubmitted);
        // A human decision that closes a ticket needs a reason; an exception also needs its expiry; approving an
        // extension carries the new due date (without one, extension-requested → in-progress rejects the extension).
        With(Mover.Staff, TicketStatus.Mitigated, reason: true, DueDateUse.NotAccepted, TicketStatus.WorkaroundProposed);
        Add(Mover.Staff, TicketStatus.InProgress, TicketStatus.WorkaroundProposed);
        With(Mover.Staff, TicketStatus.InProgress, reason: false, DueDateUse.NewDueDate, TicketStatus.ExtensionRequested);
        With(Mover.Staff, TicketStatus.FalsePositive, reason: true, DueDateUse.NotAccepted, active);
        With(Mover.Staff, TicketStatus.ExceptionGranted, reason: true, DueDateUse.ExceptionExpiry, active);
        Add(Mover.Staff, TicketStatus.Reopened, closed);

        // Scan-driven moves (ingest) and policy moves (enforcement).
        Add(Mover.Automatic, TicketStatus.VerifiedFixed, active);
        Add(Mover.Automatic, TicketStatus.Reopened, TicketStatus.VerifiedFixed, TicketStatus.FalsePositive, TicketStatus.FixSubmitted);
        With(Mover.Automatic, TicketStatus.ExceptionGranted, reason: true, DueDateUse.ExceptionExpiry, active);
        Add(Mover.Automatic, TicketStatus.Escalated, [.. active.Where(s => s != TicketStatus.Escalated)]);
        Add(Mover.Automatic, TicketStatus.Open, TicketStatus.ExceptionGranted);
        return rules;
    }
}
