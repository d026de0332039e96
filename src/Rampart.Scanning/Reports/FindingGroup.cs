using Rampart.ScanReports;

namespace Rampart.Scanning.Reports;

/// <summary>The findings of one requirement, for the human-readable reports.</summary>
/// <param name="Title">The requirement's title, or null when the report lists no result for that requirement.</param>
internal sealed record FindingGroup(string RequirementId, string? Title, IReadOnlyList<Finding> Findings)
{
    /// <summary>Groups in the order of the report's requirements; findings of unlisted requirements come last, never dropped.</summary>
    public static IReadOnlyList<FindingGroup> From(ScanReport report)
    {
        var byRequirement = report.Findings
            .GroupBy(f => f.RequirementId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Finding>)[.. g], StringComparer.Ordinal);
        var groups = new List<FindingGroup>();
        foreach (var requirement in report.Requirements)
        {
            if (byRequirement.Remove(requirement.Id, out var findings))
            {
                groups.Add(new FindingGroup(requirement.Id, requirement.Title, findings));
            }
        }

        groups.AddRange(byRequirement
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new FindingGroup(pair.Key, null, pair.Value)));
        return groups;
    }
}
