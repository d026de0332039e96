using System.Globalization;
using System.Text;

namespace Rampart.Catalog;

/// <summary>A plain-text rendering of a catalog, for <c>rampart catalog</c> and for people reading logs.</summary>
public static class RequirementCatalogText
{
    /// <summary>
    /// A header (id, title, published and effective dates, source) and one aligned line per requirement: id, title,
    /// app kinds, how it is verified (with check ids), default severity, and the guideline and added-on markers.
    /// Lines end with <c>\n</c> on every platform so the output can be compared byte for byte.
    /// </summary>
    public static string Render(RequirementCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Catalog {catalog.Id}: {catalog.Title}\n");
        text.Append(CultureInfo.InvariantCulture, $"Published {Format(catalog.Published)}, effective {Format(catalog.Effective)}\n");
        text.Append(CultureInfo.InvariantCulture, $"Source: {catalog.Source}\n");
        text.Append('\n');

        var rows = catalog.Requirements.Select(Columns).ToList();
        var widths = Enumerable.Range(0, 5).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i].Length == 0)
                {
                    continue;
                }

                line.Append(i < widths.Length ? row[i].PadRight(widths[i]) : row[i]).Append("  ");
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    private static string[] Columns(Requirement requirement) =>
    [
        requirement.Id,
        requirement.Title,
        string.Join(", ", requirement.AppliesTo.Select(k => k.ToId())),
        Verification(requirement),
        requirement.DefaultSeverity.ToId(),
        requirement.IsGuideline ? "[guideline]" : "",
        requirement.AddedOn is { } added ? $"[added {Format(added)}]" : "",
    ];

    private static string Verification(Requirement requirement)
    {
        var checks = string.Join(", ", requirement.CheckIds);
        return requirement.Verification switch
        {
            VerificationMode.Automatic => $"automatic ({checks})",
            _ when checks.Length > 0 => $"manual (checks: {checks})",
            _ => "manual",
        };
    }

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
