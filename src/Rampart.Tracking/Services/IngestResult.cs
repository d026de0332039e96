namespace Rampart.Tracking;

/// <param name="Duplicate">True when this exact report had been ingested before: nothing changed.</param>
/// <param name="Stale">True when the report's scan started before the newest scan already ingested for the app: it was
/// recorded (a report row and a <c>report.stale</c> audit entry) and changed no ticket.</param>
public sealed record IngestResult(int Created, int Unchanged, int VerifiedFixed, int Reopened, int Suppressed, Guid ReportId, bool Duplicate = false, bool Stale = false)
{
    /// <summary><c>applied</c> (tickets were decided on it), <c>duplicate</c> or <c>stale</c>.</summary>
    public string Outcome => Stale ? "stale" : Duplicate ? "duplicate" : "applied";
}
