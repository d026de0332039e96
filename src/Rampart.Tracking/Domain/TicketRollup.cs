namespace Rampart.Tracking;

/// <summary>
/// The second half of ingest's decision once a ticket is the unmet requirement (app, requirement, check): the ticket's
/// move from how its instances changed (<see cref="InstanceDecision"/>). A ticket with no open instance left is verified
/// when the report ran its check, excepted when an exception newly covers what remained; any open instance reopens a
/// closed ticket the scan may reopen. Pure: <c>IngestDecisionTests</c> checks it over the whole single-instance input
/// space, <c>TicketRollupTests</c> the multi-instance cases.
/// </summary>
internal static class TicketRollup
{
    /// <param name="ticket">The ticket's status, or null when the app has no ticket for the (requirement, check).</param>
    /// <param name="instances">Every instance of the ticket, and every reported finding of its (requirement, check).</param>
    /// <param name="scannedAfterChange">The scan started after the ticket last changed.</param>
    /// <param name="checkRan">The report ran the ticket's check for its requirement to a verdict (pass or fail).</param>
    public static IngestOutcome Decide(TicketStatus? ticket, IReadOnlyCollection<InstanceChange> instances, bool scannedAfterChange, bool checkRan)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var open = instances.Any(i => i.After == InstanceState.Open);
        var reported = instances.Any(i => i.Reported);
        var changed = instances.Any(i => i.Before != i.After);
        if (ticket is not { } status)
        {
            return open ? IngestOutcome.Create
                : instances.Any(i => i.After == InstanceState.Excepted) ? IngestOutcome.SuppressNew
                : IngestOutcome.Untouched;
        }

        // A ticket the report does not mention moves only when one of its active instances did (its check passed there).
        if (!reported && (!changed || !TicketLifecycle.IsActive(status)))
        {
            return IngestOutcome.Untouched;
        }

        if (TicketLifecycle.IsActive(status))
        {
            if (!open && instances.Any(i => i.Before != InstanceState.Excepted && i.After == InstanceState.Excepted))
            {
                return IngestOutcome.GrantException;
            }

            if (!open && checkRan)
            {
                return IngestOutcome.Verify;
            }

            return status == TicketStatus.FixSubmitted && scannedAfterChange && instances.Any(i => i.Reported && i.After == InstanceState.Open)
                ? IngestOutcome.ReopenAfterFailedFix
                : IngestOutcome.Unchanged;
        }

        return (status, open) switch
        {
            (TicketStatus.VerifiedFixed, true) => IngestOutcome.ReopenReturned,
            (TicketStatus.FalsePositive, true) => IngestOutcome.ReopenChangedEvidence,
            _ => IngestOutcome.KeepClosed,
        };
    }

    /// <summary>The ticket's severity from its instances: the highest open one's, or <paramref name="current"/> when none is
    /// open (a closed ticket keeps the severity it had). An analyst's override replaces this (and pins it).</summary>
    public static TicketSeverity Severity(IEnumerable<(InstanceState State, TicketSeverity Severity)> instances, TicketSeverity current)
    {
        var open = instances.Where(i => i.State == InstanceState.Open).Select(i => i.Severity).ToList();
        return open.Count == 0 ? current : open.Max();
    }
}
