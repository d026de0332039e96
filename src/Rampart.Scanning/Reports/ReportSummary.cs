using System.Globalization;

using Rampart.ScanReports;

namespace Rampart.Scanning.Reports;

/// <summary>The counts a reader wants first: how many requirements ended in each status.</summary>
/// <param name="Failed">Failed requirements, guidelines not included: they are advisory (<see cref="ScanReport.HasFailures"/>).</param>
/// <param name="GuidelinesNotMet">Failed guidelines, shown apart so no format reads them as a failure.</param>
internal sealed record ReportSummary(
    bool HasFailures,
    int Total,
    int Passed,
    int Failed,
    int GuidelinesNotMet,
    int Errors,
    int Manual,
    int NotApplicable,
    int Findings,
    int Advisories)
{
    public static ReportSummary Of(ScanReport report)
    {
        int Count(RequirementStatus status) => report.Requirements.Count(r => r.Status == status);
        return new ReportSummary(
            report.HasFailures,
            report.Requirements.Count,
            Count(RequirementStatus.Pass),
            report.Requirements.Count(r => r.Status == RequirementStatus.Fail && !r.Guideline),
            report.Requirements.Count(r => r.Status == RequirementStatus.Fail && r.Guideline),
            Count(RequirementStatus.Error),
            Count(RequirementStatus.Manual),
            Count(RequirementStatus.NotApplicable),
            report.Findings.Count(f => !f.Advisory),
            report.Findings.Count(f => f.Advisory));
    }

    /// <summary>
    /// "failed" exactly when the scan fails (<see cref="ScanReport.HasFailures"/>, exit code 1), so every format agrees
    /// with the exit code; a scan with an unverified requirement is "incomplete", never "passed": an error is not a pass
    /// (design §2).
    /// </summary>
    public string Verdict => HasFailures ? "failed" : Errors > 0 ? "incomplete" : "passed";

    public string Describe()
    {
        var parts = new List<string>();
        void Add(int count, string label)
        {
            if (count > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {label}"));
            }
        }

        Add(Failed, "failed");
        Add(GuidelinesNotMet, GuidelinesNotMet == 1 ? "guideline not met (advisory)" : "guidelines not met (advisory)");
        Add(Errors, "could not be verified");
        Add(Passed, "passed");
        Add(Manual, "need manual attestation");
        Add(NotApplicable, "not applicable");
        var requirements = Total == 1 ? "1 requirement" : string.Create(CultureInfo.InvariantCulture, $"{Total} requirements");
        return parts.Count == 0 ? "no requirements evaluated" : $"{requirements}: {string.Join(", ", parts)}";
    }
}
