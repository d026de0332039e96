using Rampart.ScanReports;

namespace Rampart.Tracking;

/// <summary>What a report says, indexed for ingest: the ticket-worthy findings by fingerprint and what ran.</summary>
internal sealed class ReportPlan
{
    private readonly HashSet<(string CheckId, string Location)> skipped;

    private ReportPlan(Dictionary<string, Finding> findings, Dictionary<string, HashSet<string>> ranRequirements, HashSet<(string, string)> skipped)
    {
        Findings = findings;
        RanRequirements = ranRequirements;
        this.skipped = skipped;
    }

    /// <summary>Non-advisory findings of requirements (never guidelines), first per fingerprint.</summary>
    public IReadOnlyDictionary<string, Finding> Findings { get; }

    /// <summary>Requirements whose checks ran to a verdict (pass or fail), with the check ids that decided it.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> RanRequirements { get; }

    public static ReportPlan From(ScanReport report)
    {
        var guidelines = report.Requirements.Where(r => r.Guideline).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var findings = new Dictionary<string, Finding>(StringComparer.Ordinal);
        foreach (var f in report.Findings)
        {
            if (!f.Advisory && !guidelines.Contains(f.RequirementId))
            {
                findings.TryAdd(f.Fingerprint, f);
            }
        }

        var ran = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var r in report.Requirements)
        {
            if (!r.Guideline && r.Status is RequirementStatus.Pass or RequirementStatus.Fail && r.Checks.Count > 0)
            {
                if (!ran.TryGetValue(r.Id, out var checks))
                {
                    ran[r.Id] = checks = new HashSet<string>(StringComparer.Ordinal);
                }

                checks.UnionWith(r.Checks);
            }
        }

        var skipped = report.Skipped.Select(s => (s.CheckId, s.Location)).ToHashSet();
        return new ReportPlan(findings, ran, skipped);
    }

    /// <summary>
    /// True when the ticket's check ran for its requirement to a verdict and did not report it at its location. The
    /// report does not list the locations a check examined, so a probe the scan skipped at exactly that location keeps the
    /// ticket unchanged.
    /// </summary>
    public bool PassedAt(string requirementId, string checkId, string location) =>
        RanRequirements.TryGetValue(requirementId, out var checks) && checks.Contains(checkId) && !skipped.Contains((checkId, location));
}
