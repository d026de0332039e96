using Rampart.Catalog;
using System.Text;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Checks.Headers;

/// <summary>
/// Shared shape of the header checks: judge each observed response, then report one finding per URL listing every
/// response of that URL that fails (a ticket per place, not per request).
/// </summary>
public abstract class HeaderCheckBase : IResponseCheck
{
    public abstract CheckRecord Info { get; }

    protected string Requirement => Info.RequirementId;

    /// <summary>Null when the response complies, otherwise what is wrong with it.</summary>
    protected internal abstract string? Problem(ObservedResponse response);

    /// <summary>Responses this check does not judge (with the reason documented by the override).</summary>
    protected virtual bool Applies(ObservedResponse response) => true;

    protected abstract string FindingTitle { get; }

    public virtual async Task<CheckOutcome> RunAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var responses = (await ObservedResponses.CollectAsync(context, cancellationToken)).Where(Applies).ToList();
        if (responses.Count == 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.Error, "no response from the app to inspect");
        }

        var findings = new List<Finding>();
        foreach (var group in responses.GroupBy(r => r.Url.ToString(), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var failures = group.Select(r => (Response: r, Problem: Problem(r))).Where(f => f.Problem is not null).ToList();
            if (failures.Count == 0)
            {
                continue;
            }

            var evidence = new StringBuilder();
            // Sorted and de-duplicated: the same flaw must give the same evidence on every scan, whatever the
            // order responses arrived in (tracking compares evidence to decide whether a finding changed).
            foreach (var line in failures.Select(f => $"- {f.Response.Describe()}: {f.Problem}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                evidence.AppendLine(line);
            }

            findings.Add(context.NewFinding(Info, Requirement, FindingTitle, group.Key, evidence.ToString().TrimEnd()));
        }

        var urls = responses.Select(r => r.Url.ToString()).Distinct(StringComparer.Ordinal).Count();
        return findings.Count > 0
            ? CheckOutcome.Of(Requirement, RequirementStatus.Fail, $"{findings.Count} of {urls} URL(s): {FindingTitle.ToLowerInvariant()}", findings)
            : CheckOutcome.Of(Requirement, RequirementStatus.Pass, $"{responses.Count} response(s) from {urls} URL(s) comply");
    }
}
