using System.Text.RegularExpressions;
using Rampart.Catalog;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Checks.Content;

/// <summary>
/// RMP-CONTENT-002: an app must never ask users for their Atlassian password or API token — it would hold a
/// credential with the user's full power, outside the scopes the app was granted.
/// </summary>
public sealed class CredentialCollectionCheck : IResponseCheck
{
    public const string Id = "RMP-CONTENT-002";

    public CheckRecord Info { get; } = CheckRegistry.Embedded.Get(Id);

    private string Requirement => Info.RequirementId;

    public async Task<CheckOutcome> RunAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var assets = await context.Content.AssetsAsync(cancellationToken);
        var findings = new List<Finding>();
        foreach (var asset in assets)
        {
            foreach (var (pattern, line, column, excerpt) in Matches(asset))
            {
                findings.Add(context.NewFinding(Info, Requirement, $"{pattern.Description} in served content",
                    $"{asset.Location}:{line} ({pattern.Id})",
                    $"{asset.Location} line {line}, column {column}: {excerpt}"));
            }
        }

        var scanned = $"{assets.Count} page(s), script(s) and source-map source(s)";
        return findings.Count > 0
            ? CheckOutcome.Of(Requirement, RequirementStatus.Fail, $"{findings.Count} sign(s) of credential collection in {scanned}", findings)
            : ContentVerdict.Clean(Requirement, context.Content, $"no credential collection in {scanned}");
    }

    /// <summary>One result per (pattern, line) of the asset; a pattern that times out is skipped for that asset.</summary>
    public static IReadOnlyList<(CredentialPattern Pattern, int Line, int Column, string Excerpt)> Matches(ServedAsset asset)
    {
        var results = new List<(CredentialPattern, int, int, string)>();
        foreach (var pattern in CredentialPatterns.All.Where(p => !p.HtmlOnly || asset.Kind == ServedAssetKind.Html))
        {
            var lines = new HashSet<int>();
            try
            {
                foreach (Match match in pattern.Pattern.Matches(asset.Text))
                {
                    var (line, column) = Position(asset.Text, match.Index);
                    if (lines.Add(line))
                    {
                        var excerpt = match.Value.Length > 160 ? match.Value[..160] + "…" : match.Value;
                        results.Add((pattern, line, column, excerpt));
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Hostile content can make any regex slow; losing one pattern on one asset beats a hung scan.
            }
        }

        return results;
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        return (line, index - lineStart + 1);
    }
}
