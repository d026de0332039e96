using Rampart.Catalog;
using Rampart.Scanning.Checks;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Engine;

/// <summary>
/// Turns check outcomes into one status per catalog requirement. Order of precedence: fail, error, manual, pass,
/// not-applicable — so a requirement is never "pass" while one of its checks could not verify it.
/// </summary>
public static class RequirementAggregator
{
    public static (IReadOnlyList<RequirementResult> Requirements, IReadOnlyList<Finding> Findings) Aggregate(
        RequirementCatalog catalog, AppKind kind, IReadOnlyDictionary<string, CheckOutcome> outcomes, IReadOnlySet<string> availableChecks)
    {
        var results = new List<RequirementResult>();
        var owner = new Dictionary<string, Requirement>(StringComparer.Ordinal);
        foreach (var requirement in catalog.Requirements)
        {
            foreach (var checkId in requirement.CheckIds)
            {
                owner.TryAdd(checkId, requirement);
            }

            results.Add(Judge(requirement, kind, outcomes, availableChecks));
        }

        // Findings carry the requirement number of the catalog in use (2020's "5" is 2022's "1.1").
        var findings = new List<Finding>();
        foreach (var (checkId, outcome) in outcomes)
        {
            foreach (var finding in outcome.Findings)
            {
                findings.Add(owner.TryGetValue(checkId, out var requirement)
                    ? finding with { RequirementId = requirement.Id, Advisory = finding.Advisory || requirement.IsGuideline }
                    : finding with { Advisory = true });
            }
        }

        findings.Sort(static (a, b) =>
        {
            var bySeverity = b.Severity.CompareTo(a.Severity);
            if (bySeverity != 0)
            {
                return bySeverity;
            }

            var byRequirement = string.CompareOrdinal(a.RequirementId, b.RequirementId);
            return byRequirement != 0 ? byRequirement : string.CompareOrdinal(a.Location, b.Location);
        });
        return (results, findings);
    }

    private static RequirementResult Judge(Requirement requirement, AppKind kind, IReadOnlyDictionary<string, CheckOutcome> outcomes, IReadOnlySet<string> availableChecks)
    {
        RequirementResult Result(RequirementStatus status, string reason, IReadOnlyList<string>? checks = null) =>
            new(requirement.Id, requirement.Title, status, reason, checks ?? [], requirement.IsGuideline);

        if (!requirement.AppliesToKind(kind))
        {
            return Result(RequirementStatus.NotApplicable, $"applies to {string.Join(", ", requirement.AppliesTo.Select(k => k.ToId()))} apps, not {kind.ToId()}");
        }

        var ran = requirement.CheckIds.Where(outcomes.ContainsKey).ToList();
        if (requirement.Verification == VerificationMode.Manual)
        {
            // A check can prove a manual requirement broken, never met: without a failure it stays with the reviewer.
            var failures = ran.Select(c => Verdict(outcomes[c], requirement.Id)).Where(v => v.Status == RequirementStatus.Fail).ToList();
            return failures.Count > 0
                ? Result(RequirementStatus.Fail, string.Join("; ", failures.Select(v => v.Reason)), ran)
                : Result(RequirementStatus.Manual, "verified by a reviewer's attestation");
        }

        if (ran.Count == 0)
        {
            var planned = requirement.CheckIds.Where(c => !availableChecks.Contains(c)).ToList();
            return Result(RequirementStatus.Manual, planned.Count > 0
                ? $"no automated check for {kind.ToId()} apps in this version ({string.Join(", ", planned)} not available); verify manually"
                : $"no automated check applies to {kind.ToId()} apps; verify manually");
        }

        var verdicts = ran.Select(checkId => Verdict(outcomes[checkId], requirement.Id)).ToList();
        var status = new[] { RequirementStatus.Fail, RequirementStatus.Error, RequirementStatus.Manual, RequirementStatus.Pass }
            .FirstOrDefault(s => verdicts.Any(v => v.Status == s), RequirementStatus.NotApplicable);
        var reason = string.Join("; ", verdicts.Where(v => v.Status == status && !string.IsNullOrEmpty(v.Reason)).Select(v => v.Reason!));

        // A pass from some checks while others the requirement names could not run is only a partial verification.
        var missing = requirement.CheckIds.Where(c => !availableChecks.Contains(c) && MayApply(c, kind)).ToList();
        if (status is RequirementStatus.Pass or RequirementStatus.NotApplicable && missing.Count > 0)
        {
            return Result(RequirementStatus.Manual, $"partly verified ({reason}); {string.Join(", ", missing)} not available in this version: verify the rest manually", ran);
        }

        return Result(status, reason, ran);
    }

    /// <summary>
    /// Whether a check that could not run in this scan might have had something to verify in an app of this kind, so
    /// that a pass without it is only partial. A plain Forge app has nothing but its code; a forge-egress app also has
    /// hosts of its own, so any check may apply; other kinds have no Forge code. A check without a record (named by a
    /// catalog from elsewhere) may apply: an unknown check must not let a partial verification pass.
    /// </summary>
    private static bool MayApply(string checkId, AppKind kind)
    {
        if (CheckRegistry.Embedded.Find(checkId) is not { } check)
        {
            return true;
        }

        var inspectsForgeCode = check.Inspects == CheckTarget.ForgeApp;
        return kind switch
        {
            AppKind.Forge => inspectsForgeCode,
            AppKind.ForgeEgress => true,
            _ => !inspectsForgeCode,
        };
    }

    /// <summary>A check's verdict for this requirement; a single-requirement check's only verdict whatever the numbering.</summary>
    private static RequirementVerdict Verdict(CheckOutcome outcome, string requirementId) =>
        outcome.Verdicts.FirstOrDefault(v => v.RequirementId == requirementId)
        ?? (outcome.Verdicts.Count == 1 ? outcome.Verdicts[0] : new RequirementVerdict(requirementId, RequirementStatus.Error, "check gave no verdict"));
}
