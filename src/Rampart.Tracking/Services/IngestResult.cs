namespace Rampart.Tracking;

/// <param name="Duplicate">True when this exact report had been ingested before: nothing changed.</param>
public sealed record IngestResult(int Created, int Unchanged, int VerifiedFixed, int Reopened, int Suppressed, Guid ReportId, bool Duplicate = false);
