using System.Collections.ObjectModel;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Rampart.Catalog.Loading;

/// <summary>The field validations catalog files and the check records share, with the same messages in both.</summary>
internal sealed partial class FieldReader(string sourceName)
{
    private const string KindNames = "connect, forge, forge-egress, power-up";

    public YamlText Required(YamlMapping dto, YamlText? text, string field) =>
        text is null || string.IsNullOrWhiteSpace(text.Value)
            ? throw Problem(text?.Start ?? dto.Start, dto.FieldPath(field), $"missing field '{field}'")
            : text;

    public ReadOnlyCollection<AppKind> AppKinds(YamlMapping dto, List<YamlText?>? texts, string field)
    {
        if (texts is not { Count: > 0 })
        {
            throw Problem(dto.Start, dto.FieldPath(field), $"missing field '{field}'; list at least one of: {KindNames}");
        }

        var kinds = new List<AppKind>(texts.Count);
        foreach (var text in texts)
        {
            if (text is null || !AppKindNames.TryParse(text.Value, out var kind))
            {
                throw Problem(text?.Start ?? dto.Start, dto.FieldPath(field),
                    $"unknown app kind '{text?.Value}'; expected one of: {KindNames}");
            }

            if (kinds.Contains(kind))
            {
                throw Problem(text.Start, dto.FieldPath(field), $"app kind '{text.Value}' is listed twice");
            }

            kinds.Add(kind);
        }

        return kinds.AsReadOnly();
    }

    public Severity Severity(YamlMapping dto, YamlText? text, string field)
    {
        var severityText = Required(dto, text, field);
        return SeverityNames.TryParse(severityText.Value, out var severity)
            ? severity
            : throw Problem(severityText.Start, dto.FieldPath(field),
                $"unknown severity '{severityText.Value}'; expected one of: critical, high, medium, low, info");
    }

    public CatalogException Problem(Mark at, string field, string problem) => new(sourceName, at, field, problem);

    // Folded YAML blocks keep a trailing newline and authors wrap long text; one line reads better everywhere.
    public static string Normalise(string text) => WhiteSpace().Replace(text.Trim(), " ");

    public static bool IsRequirementId(string id) => RequirementId().IsMatch(id);

    [GeneratedRegex(@"^G?[0-9]+(\.[0-9]+)*\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex RequirementId();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex WhiteSpace();
}
