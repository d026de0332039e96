namespace Rampart.Tracking;

/// <summary>The counter of <see cref="IngestResult"/> (and the report row) an <see cref="IngestOutcome"/> adds to.</summary>
internal enum IngestCount
{
    None,
    Created,
    Unchanged,
    VerifiedFixed,
    Reopened,
    Suppressed,
}
