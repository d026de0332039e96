using Rampart.Catalog;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Checks.Descriptor;

/// <summary>
/// RMP-SCOPE-001: least privilege cannot be proven from outside, but elevated scopes can be named. ADMIN,
/// ACT_AS_USER and the like need a reviewer's acceptance of a written justification, so they make requirement 4
/// <c>manual</c> (never <c>pass</c>) and appear as advisory findings.
/// </summary>
public sealed class ScopesCheck : ICheck
{
    public const string Id = "RMP-SCOPE-001";

    private static readonly Dictionary<string, string> Elevated = new(StringComparer.Ordinal)
    {
        ["ADMIN"] = "administers the whole site",
        ["ACT_AS_USER"] = "impersonates users, even when they are offline",
        ["PROJECT_ADMIN"] = "administers projects",
        ["SPACE_ADMIN"] = "administers spaces",
        ["DELETE"] = "deletes content",
        ["ACCESS_EMAIL_ADDRESSES"] = "reads users' e-mail addresses (personal data)",
    };

    public CheckRecord Info { get; } = CheckRegistry.Embedded.Get(Id);

    private string Requirement => Info.RequirementId;

    public Task<CheckOutcome> RunAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var descriptor = context.Descriptor ?? throw new InvalidOperationException("RMP-SCOPE-001 needs a Connect descriptor.");
        var elevated = descriptor.Scopes.Where(Elevated.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        if (elevated.Count == 0)
        {
            var declared = descriptor.Scopes.Count == 0 ? "no scopes" : string.Join(", ", descriptor.Scopes);
            return Task.FromResult(CheckOutcome.Of(Requirement, RequirementStatus.Pass, $"no elevated scopes requested ({declared})"));
        }

        var findings = elevated.Select(scope => context.NewFinding(Info, Requirement,
            $"Scope {scope} needs a justification", $"$.scopes[{scope}]",
            $"The descriptor requests {scope}, which {Elevated[scope]}.", Severity.Info, advisory: true)).ToList();
        return Task.FromResult(CheckOutcome.Of(Requirement, RequirementStatus.Manual,
            $"elevated scopes need a reviewer's acceptance: {string.Join(", ", elevated)}", findings));
    }
}
