using Rampart.Catalog;
using Rampart.ScanReports;

namespace Rampart.Tracking;

/// <summary>
/// The formats a report's identities must have before ingest trusts them: fingerprints as the contract defines them,
/// requirement ids the report's catalog publishes, the app key by the rule app registration uses (a Forge app id for
/// Forge kinds). Each error names the JSON path and the bad value.
/// </summary>
internal static class ReportValidation
{
    public const int FingerprintLength = 40;

    /// <summary>Errors listed at most: a hostile report of a million bad fingerprints gets a short answer.</summary>
    public const int MaxErrors = 20;

    /// <summary>Throws a 422 <see cref="ReportRejectedException"/> listing every invalid field.</summary>
    public static void ThrowIfInvalid(ScanReport report, CatalogRegistry catalogs)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (errors.Count < MaxErrors)
            {
                errors[field] = [message];
            }
        }

        if (!Validate.AppKinds.Contains(report.App.Kind))
        {
            Add("app.kind", $"'{report.App.Kind}' is not an app kind; expected one of {string.Join(", ", Validate.AppKinds)}");
        }
        else if (IsForge(report.App.Kind))
        {
            if (!Validate.IsForgeAppId(report.App.Key))
            {
                Add("app.key", $"'{report.App.Key}' is not a Forge app id (expected {Validate.ForgeAppIdPrefix}<uuid>)");
            }
        }
        else if (string.IsNullOrEmpty(report.App.Key) || Validate.AppKeyProblem(report.App.Key) is not null)
        {
            Add("app.key", Validate.AppKeyProblem(report.App.Key ?? string.Empty) ?? "is required");
        }

        var catalog = catalogs.Find(report.Catalog.Id);
        if (catalog is null)
        {
            Add("catalog.id", $"'{report.Catalog.Id}' is not a catalog this server knows (known: {string.Join(", ", catalogs.All.Select(c => c.Id))})");
        }

        for (var i = 0; i < report.Requirements.Count; i++)
        {
            var id = report.Requirements[i].Id;
            if (catalog is not null && catalog.Find(id) is null)
            {
                Add($"requirements[{i}].id", $"'{id}' is not a requirement of catalog {catalog.Id}");
            }
        }

        for (var i = 0; i < report.Findings.Count; i++)
        {
            var f = report.Findings[i];
            if (!IsFingerprint(f.Fingerprint))
            {
                Add($"findings[{i}].fingerprint", $"'{f.Fingerprint}' is not {FingerprintLength} lowercase hex digits");
            }

            // An advisory finding may be of an upcoming requirement, which a later catalog publishes.
            if (catalog is not null && catalog.Find(f.RequirementId) is null
                && !(f.Advisory && catalogs.All.Any(c => c.Find(f.RequirementId) is not null)))
            {
                Add($"findings[{i}].requirementId", $"'{f.RequirementId}' is not a requirement of catalog {catalog.Id}");
            }
        }

        if (errors.Count > 0)
        {
            throw ReportRejectedException.Invalid(errors);
        }
    }

    public static bool IsForge(string kind) =>
        string.Equals(kind, AppKind.Forge.ToId(), StringComparison.Ordinal) || string.Equals(kind, AppKind.ForgeEgress.ToId(), StringComparison.Ordinal);

    public static bool IsFingerprint(string value) =>
        value.Length == FingerprintLength && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
