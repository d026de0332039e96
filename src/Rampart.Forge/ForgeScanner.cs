using Rampart.Catalog;
using Rampart.Forge.Checks;
using Rampart.Forge.Input;
using Rampart.Scanning.Checks;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Forge;

/// <summary>
/// <c>rampart scan ./my-forge-app</c>: static analysis of a Forge app (directory or .zip) into the same
/// <see cref="ScanReport"/> as a Connect scan, with kind <c>forge</c> or <c>forge-egress</c> decided from the manifest.
/// </summary>
public sealed class ForgeScanner(TimeProvider time, CatalogRegistry catalogs)
{
    /// <summary>True when a scan target names a Forge app on disk rather than a Connect descriptor URL.</summary>
    public static bool LooksLikeForgeApp(string target) =>
        Directory.Exists(target) || (File.Exists(target) && target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase));

    public async Task<ScanReport> ScanAsync(string path, ForgeScanOptions options, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var today = DateOnly.FromDateTime(started.UtcDateTime);
        var catalog = options.CatalogId is null
            ? catalogs.InEffectOn(today)
            : catalogs.Find(options.CatalogId) ?? throw new CatalogException(
                $"--catalog: no catalog '{options.CatalogId}'; available: {string.Join(", ", catalogs.All.Select(c => c.Id))}");
        var source = ForgeAppSource.Load(path, options.Limits);
        var analysis = await ForgeAnalyzer.AnalyzeAsync(source, today, options.Parallelism, cancellationToken);
        var manifest = analysis.Manifest;
        var kind = manifest.SendsDataOut ? AppKind.ForgeEgress : AppKind.Forge;

        var outcomes = new Dictionary<string, CheckOutcome>(StringComparer.Ordinal);
        foreach (var check in ForgeChecks.All)
        {
            var findings = analysis.Findings
                .Where(f => f.Check == check)
                .Select(f => new Finding(check.Id, check.RequirementId, check.Severity, f.Title ?? check.Title, f.Location, f.Evidence,
                    Fingerprint.Compute(manifest.AppId, check.Id, f.Location), check.Remediation,
                    // Requirement 2 does not apply to data kept on Atlassian's platform: advice only for plain forge apps.
                    Advisory: check == ForgeChecks.PersonalData && kind == AppKind.Forge))
                .OrderBy(f => f.Location, StringComparer.Ordinal)
                .ToList();
            var status = findings.Count > 0 ? RequirementStatus.Fail : RequirementStatus.Pass;
            var reason = findings.Count > 0
                ? $"{check.Id}: {findings.Count} finding(s)"
                : $"{check.Id}: no finding in {analysis.Code.Modules.Count} file(s), {analysis.Entries.Count} entry point(s)";
            if (check == ForgeChecks.LeastPrivilege && findings.Count == 0 && analysis.ScopeAbstentions.Count > 0)
            {
                status = RequirementStatus.Manual;
                reason = $"{check.Id}: not judged for {string.Join("; ", analysis.ScopeAbstentions)}";
            }

            if (check == ForgeChecks.HardcodedSecret && findings.Count == 0 && analysis.SecretTimeouts.Count > 0)
            {
                status = RequirementStatus.Error;
                reason = $"{check.Id}: secret rules timed out, so these were not fully checked: {string.Join(", ", analysis.SecretTimeouts.Take(5))}";
            }

            outcomes[check.Id] = CheckOutcome.Of(check.RequirementId, status, reason, findings);
        }

        var available = ForgeChecks.All.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var (requirements, allFindings) = RequirementAggregator.Aggregate(catalog, kind, outcomes, available);
        var upcoming = catalogs.UpcomingOn(today, catalog)
            .Where(u => u.Requirement.AppliesToKind(kind))
            .Select(u => new UpcomingRequirement(u.Catalog.Id, u.Catalog.Effective, u.Requirement.Id, u.Requirement.Title))
            .ToList();
        return new ScanReport(
            ScanReport.CurrentSchemaVersion,
            ScanEngine.Tool,
            new AppInfo(kind.ToId(), manifest.AppId, manifest.AppName ?? source.Name, null, null),
            new CatalogInfo(catalog.Id, catalog.Effective),
            started,
            time.GetUtcNow(),
            requirements,
            allFindings,
            upcoming,
            []);
    }
}
