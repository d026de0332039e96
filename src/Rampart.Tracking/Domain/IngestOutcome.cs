namespace Rampart.Tracking;

/// <summary>What ingest does with one ticket (<see cref="TicketRollup.Decide"/>).</summary>
internal enum IngestOutcome
{
    /// <summary>Nothing: a ticket the report does not mention and whose check did not pass, or no ticket and no finding.</summary>
    Untouched,

    /// <summary>A new finding: an open ticket with the policy's deadline.</summary>
    Create,

    /// <summary>A new finding an exception covers: no ticket, counted as suppressed.</summary>
    SuppressNew,

    /// <summary>An active ticket an exception now covers: to exception-granted, linked to the exception.</summary>
    GrantException,

    /// <summary>A submitted fix that a later scan still finds failing: reopened, due date unchanged (design §3).</summary>
    ReopenAfterFailedFix,

    /// <summary>A verified fix whose finding is back: reopened with the new evidence.</summary>
    ReopenReturned,

    /// <summary>A false positive whose evidence changed: reopened with the new evidence.</summary>
    ReopenChangedEvidence,

    /// <summary>A verified fix that returns under an exception, or a human decision the scan does not override: kept, counted as suppressed.</summary>
    KeepClosed,

    /// <summary>An active ticket still failing: kept, counted as unchanged.</summary>
    Unchanged,

    /// <summary>An active ticket the report does not mention, and its check ran and passed there: verified-fixed.</summary>
    Verify,
}
