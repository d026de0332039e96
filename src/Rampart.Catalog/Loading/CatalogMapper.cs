using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Rampart.Catalog.Loading;

/// <summary>Validates catalog DTOs and maps them to the model; the first problem found becomes a <see cref="CatalogException"/>.</summary>
internal sealed partial class CatalogMapper(string sourceName)
{
    private const string DateFormat = "yyyy-MM-dd";

    public LoadedCatalog Map(CatalogDto dto)
    {
        var id = Required(dto, dto.Id, "id");
        var title = Required(dto, dto.Title, "title");
        var published = Date(dto, Required(dto, dto.Published, "published"), "published");
        var effectiveText = Required(dto, dto.Effective, "effective");
        var effective = Date(dto, effectiveText, "effective");
        var source = Required(dto, dto.Source, "source");
        if (effective < published)
        {
            throw Problem(effectiveText.Start, dto.FieldPath("effective"),
                $"effective date {Format(effective)} is before the published date {Format(published)}");
        }

        if (dto.Requirements is not { Count: > 0 } requirementDtos)
        {
            throw Problem(dto.Start, dto.FieldPath("requirements"), "a catalog needs at least one requirement");
        }

        var requirements = new List<Requirement>(requirementDtos.Count);
        var firstSeen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < requirementDtos.Count; i++)
        {
            var requirementDto = requirementDtos[i]
                ?? throw Problem(dto.Start, $"requirements[#{i + 1}]", "empty requirement entry");
            var requirement = MapRequirement(requirementDto, i);
            if (!firstSeen.TryAdd(requirement.Id, requirementDto.Id!.Start))
            {
                throw Problem(requirementDto.Id.Start, requirementDto.FieldPath("id"),
                    $"duplicate requirement id '{requirement.Id}' (first defined on line {firstSeen[requirement.Id].Line})");
            }

            requirements.Add(requirement);
        }

        var catalog = new RequirementCatalog(id.Value, title.Value, published, effective, source.Value,
            new ReadOnlyCollection<Requirement>(requirements));
        return new LoadedCatalog(catalog, sourceName, id.Start, effectiveText.Start);
    }

    private Requirement MapRequirement(RequirementDto dto, int index)
    {
        if (dto.Id is null)
        {
            throw Problem(dto.Start, $"requirements[#{index + 1}].id", "missing field 'id'");
        }

        var id = dto.Id.Value.Trim();
        if (!RequirementId().IsMatch(id))
        {
            throw Problem(dto.Id.Start, dto.FieldPath("id"),
                $"'{id}' is not a requirement id; expected a number such as 3 or 6.2, or G3.1 for a guideline");
        }

        var title = Required(dto, dto.Title, "title");
        var category = Required(dto, dto.Category, "category");
        var summary = Required(dto, dto.Summary, "summary");
        var kinds = AppKinds(dto);
        var verificationText = Required(dto, dto.Verification, "verification");
        var verification = verificationText.Value.Trim() switch
        {
            "automatic" => VerificationMode.Automatic,
            "manual" => VerificationMode.Manual,
            var other => throw Problem(verificationText.Start, dto.FieldPath("verification"),
                $"unknown verification '{other}'; expected automatic or manual"),
        };
        var checks = CheckIds(dto);
        if (verification == VerificationMode.Automatic && checks.Count == 0)
        {
            throw Problem(verificationText.Start, dto.FieldPath("verification"),
                "automatic verification needs at least one check in 'checks'; use manual if no check verifies it");
        }

        var severityText = Required(dto, dto.Severity, "severity");
        if (!SeverityNames.TryParse(severityText.Value, out var severity))
        {
            throw Problem(severityText.Start, dto.FieldPath("severity"),
                $"unknown severity '{severityText.Value}'; expected one of: critical, high, medium, low, info");
        }

        var isGuideline = Flag(dto, dto.IsGuideline, "isGuideline");
        if (isGuideline != id.StartsWith('G'))
        {
            // The G prefix is how readers tell a guideline from a requirement, so the two must agree.
            throw Problem(dto.IsGuideline?.Start ?? dto.Id.Start, dto.FieldPath("isGuideline"), isGuideline
                ? $"guideline ids start with G, '{id}' does not"
                : $"'{id}' has a guideline id but isGuideline is not true");
        }

        DateOnly? addedOn = dto.AddedOn is null ? null : Date(dto, dto.AddedOn, "addedOn");
        var note = dto.Note?.Value.Trim();
        return new Requirement(id, title.Value.Trim(), category.Value.Trim(), Normalise(summary.Value), kinds,
            verification, checks, severity, isGuideline, addedOn, string.IsNullOrEmpty(note) ? null : Normalise(note));
    }

    private ReadOnlyCollection<AppKind> AppKinds(RequirementDto dto)
    {
        if (dto.AppliesTo is not { Count: > 0 } texts)
        {
            throw Problem(dto.Start, dto.FieldPath("appliesTo"),
                "missing field 'appliesTo'; list at least one of: connect, forge, forge-egress, power-up");
        }

        var kinds = new List<AppKind>(texts.Count);
        foreach (var text in texts)
        {
            if (text is null || !AppKindNames.TryParse(text.Value, out var kind))
            {
                throw Problem(text?.Start ?? dto.Start, dto.FieldPath("appliesTo"),
                    $"unknown app kind '{text?.Value}'; expected one of: connect, forge, forge-egress, power-up");
            }

            if (kinds.Contains(kind))
            {
                throw Problem(text.Start, dto.FieldPath("appliesTo"), $"app kind '{text.Value}' is listed twice");
            }

            kinds.Add(kind);
        }

        return kinds.AsReadOnly();
    }

    private ReadOnlyCollection<string> CheckIds(RequirementDto dto)
    {
        var checks = new List<string>();
        foreach (var text in dto.Checks ?? [])
        {
            if (text is null || !CheckIdFormat.IsWellFormed(text.Value))
            {
                throw Problem(text?.Start ?? dto.Start, dto.FieldPath("checks"),
                    $"'{text?.Value}' is not a check id; expected RMP-<AREA>-<NNN>, e.g. RMP-TLS-001");
            }

            if (checks.Contains(text.Value))
            {
                throw Problem(text.Start, dto.FieldPath("checks"), $"check '{text.Value}' is listed twice");
            }

            checks.Add(text.Value);
        }

        return checks.AsReadOnly();
    }

    private YamlText Required(YamlMapping dto, YamlText? text, string field) =>
        text is null || string.IsNullOrWhiteSpace(text.Value)
            ? throw Problem(text?.Start ?? dto.Start, dto.FieldPath(field), $"missing field '{field}'")
            : text;

    private DateOnly Date(YamlMapping dto, YamlText text, string field) =>
        DateOnly.TryParseExact(text.Value.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw Problem(text.Start, dto.FieldPath(field), $"'{text.Value}' is not a date; expected {DateFormat}");

    private bool Flag(YamlMapping dto, YamlText? text, string field) =>
        text?.Value.Trim() switch
        {
            null => false,
            "true" => true,
            "false" => false,
            var other => throw Problem(text.Start, dto.FieldPath(field), $"'{other}' is not true or false"),
        };

    private CatalogException Problem(Mark at, string field, string problem) => new(sourceName, at, field, problem);

    private static string Format(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);

    // Folded YAML blocks keep a trailing newline and authors wrap long text; one line reads better everywhere.
    private static string Normalise(string text) => WhiteSpace().Replace(text.Trim(), " ");

    [GeneratedRegex(@"^G?[0-9]+(\.[0-9]+)*\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex RequirementId();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex WhiteSpace();
}
