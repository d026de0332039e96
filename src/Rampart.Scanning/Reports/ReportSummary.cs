using System.Globalization;

using Rampart.ScanReports;

namespace Rampart.Scanning.Reports;

/// <summary>The counts a reader wants first: how many requirements ended in each status.</summary>
internal sealed record ReportSummary(int Total, int Passed, int Failed, int Errors, int Manual, int NotApplicable, int Findings, int Advisories)
{
    public static ReportSummary Of(ScanReport report)
    {
        int Count(RequirementStatus status) => report.Requirements.Count(r => r.Status == status);
        return new ReportSummary(
            report.Requirements.Count,
            Count(RequirementStatus.Pass),
            Count(RequirementStatus.Fail),
            Count(RequirementStatus.Error),
            Count(RequirementStatus.Manual),
            Count(RequirementStatus.NotApplicable),
            report.Findings.Count(f => !f.Advisory),
            report.Findings.Count(f => f.Advisory));
    }

    /// <summary>
    /// A scan with an unverified requirement is "incomplete", never "passed": an error is not a pass (design §2).
    /// </summary>
    public string Verdict => Failed > 0 ? "failed" : Errors > 0 ? "incomplete" : "passed";

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
        Add(Errors, "could not be verified");
        Add(Passed, "passed");
        Add(Manual, "need manual attestation");
        Add(NotApplicable, "not applicable");
        var requirements = Total == 1 ? "1 requirement" : string.Create(CultureInfo.InvariantCulture, $"{Total} requirements");
        return parts.Count == 0 ? "no requirements evaluated" : $"{requirements}: {string.Join(", ", parts)}";
    }
}
