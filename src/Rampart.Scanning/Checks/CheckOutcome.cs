using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Checks;

/// <summary>What one check concluded: a verdict per requirement it verifies, its findings and the probes it skipped.</summary>
public sealed record CheckOutcome(
    IReadOnlyList<RequirementVerdict> Verdicts,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<SkippedProbe> Skipped)
{
    public static CheckOutcome Of(string requirementId, RequirementStatus status, string? reason,
        IReadOnlyList<Finding>? findings = null, IReadOnlyList<SkippedProbe>? skipped = null) =>
        new([new RequirementVerdict(requirementId, status, reason)], findings ?? [], skipped ?? []);
}

/// <summary>One check's verdict on one requirement.</summary>
public sealed record RequirementVerdict(string RequirementId, RequirementStatus Status, string? Reason);
