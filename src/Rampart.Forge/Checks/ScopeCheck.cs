using Rampart.Forge.Analysis;
using Rampart.Forge.Manifest;
using Rampart.Forge.Scopes;

namespace Rampart.Forge.Checks;

/// <summary>
/// Least privilege (RMP-FORGE-005): a declared scope that no product API call of the app needs. It judges only the
/// scopes the shipped table knows, and abstains for a product when any call to it has a route the table cannot match.
/// </summary>
public static class ScopeCheck
{
    public sealed record Result(IReadOnlyList<ForgeFinding> Findings, IReadOnlyList<string> Abstained);

    public static Result Run(ForgeManifest manifest, IReadOnlyList<ProductCall> calls, ScopeData data)
    {
        var findings = new List<ForgeFinding>();
        var abstained = new List<string>();
        var declared = manifest.Scopes.Where(s => data.Families.ContainsKey(s.Value)).ToList();
        // Product event triggers need the product's read scopes although no code calls an API for them.
        var hasTriggers = manifest.Modules.Any(m => m.Type == "trigger");
        foreach (var family in declared.Select(s => data.Families[s.Value]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var familyCalls = calls.Where(c => c.Product == family).ToList();
            var unmatched = familyCalls.Where(c => c.Route is null || c.Route.StartsWith("{}", StringComparison.Ordinal)
                || data.Needed(family, c.Method, Normalise(c.Route)) is null).ToList();
            if (unmatched.Count > 0)
            {
                abstained.Add($"{family}: {unmatched.Count} call(s) with a route the offline scope data does not cover (e.g. {unmatched[0].Method} {unmatched[0].Route ?? "?"})");
                continue;
            }

            var used = familyCalls.SelectMany(c => data.Needed(family, c.Method, Normalise(c.Route!))!).ToHashSet(StringComparer.Ordinal);
            var needsAny = familyCalls.Count > 0;
            foreach (var scope in declared.Where(s => data.Families[s.Value] == family))
            {
                if (used.Contains(scope.Value) || (hasTriggers && scope.Value.StartsWith("read:", StringComparison.Ordinal)))
                {
                    continue;
                }

                var callsText = familyCalls.Count == 0 ? "no call to the product API" : string.Join(", ", familyCalls.Select(c => $"{c.Method} {c.Route}").Distinct().Take(4));
                findings.Add(needsAny
                    ? new ForgeFinding(ForgeChecks.LeastPrivilege, scope.Position.In(manifest.FileName),
                        $"scope {scope.Value} is broader than the calls need ({callsText})", "Declared scope broader than the app's calls need")
                    : new ForgeFinding(ForgeChecks.LeastPrivilege, scope.Position.In(manifest.FileName),
                        $"scope {scope.Value} is declared but unused ({callsText})", "Declared scope not used by any product API call"));
            }
        }

        return new Result(findings, abstained);
    }

    private static string Normalise(string route) => route.Replace("{}", "x", StringComparison.Ordinal);
}
