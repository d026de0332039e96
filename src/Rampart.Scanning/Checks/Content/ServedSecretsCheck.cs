using Rampart.Catalog;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Rampart.Scanning.Secrets;

namespace Rampart.Scanning.Checks.Content;

/// <summary>
/// RMP-CONTENT-001: whatever a page, script or source map carries reaches every user's browser, so a credential in
/// served content is public. Uses the same rules as the descriptor check.
/// </summary>
public sealed class ServedSecretsCheck : IResponseCheck
{
    public const string Id = "RMP-CONTENT-001";

    public CheckRecord Info { get; } = CheckRegistry.Embedded.Get(Id);

    private string Requirement => Info.RequirementId;

    public async Task<CheckOutcome> RunAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var assets = await context.Content.AssetsAsync(cancellationToken);
        var findings = new List<Finding>();
        var reported = new HashSet<(string, string, int)>();
        var notChecked = new List<string>();
        foreach (var asset in assets)
        {
            var scan = SecretScanner.ScanAll(asset.Text);
            notChecked.AddRange(scan.TimedOut.Select(rule => $"{asset.Location} ({rule})"));
            foreach (var match in scan.Matches)
            {
                if (reported.Add((asset.Location, match.Rule.Id, match.Line)))
                {
                    findings.Add(context.NewFinding(Info, Requirement, $"{match.Rule.Description} in served content",
                        $"{asset.Location}:{match.Line} ({match.Rule.Id})",
                        $"{asset.Location} line {match.Line}, column {match.Column}: {match.Redacted}"));
                }
            }
        }

        var scanned = $"{assets.Count(a => a.Kind == ServedAssetKind.Html)} page(s), {assets.Count(a => a.Kind == ServedAssetKind.Script)} " +
            $"script(s), {assets.Count(a => a.Kind == ServedAssetKind.MapSource)} source-map source(s)";
        if (findings.Count == 0 && notChecked.Count > 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.Error, $"secret rules timed out, so these were not fully checked: {string.Join(", ", notChecked.Take(5))}");
        }

        return findings.Count > 0
            ? CheckOutcome.Of(Requirement, RequirementStatus.Fail, $"{findings.Count} secret(s) in {scanned}", findings)
            : ContentVerdict.Clean(Requirement, context.Content, $"no secrets in {scanned}");
    }
}
