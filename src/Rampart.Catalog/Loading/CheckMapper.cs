using System.Collections.ObjectModel;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Rampart.Catalog.Loading;

/// <summary>Validates the check list DTO and maps it to <see cref="CheckRecord"/>s; the first problem becomes a <see cref="CatalogException"/>.</summary>
internal sealed partial class CheckMapper(string sourceName)
{
    private readonly FieldReader fields = new(sourceName);

    public ReadOnlyCollection<CheckRecord> Map(CheckListDto dto)
    {
        if (dto.Checks is not { Count: > 0 } checkDtos)
        {
            throw fields.Problem(dto.Start, "checks", "the list needs at least one check");
        }

        var records = new List<CheckRecord>(checkDtos.Count);
        var firstSeen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < checkDtos.Count; i++)
        {
            var checkDto = checkDtos[i] ?? throw fields.Problem(dto.Start, $"checks[#{i + 1}]", "empty check entry");
            var record = MapCheck(checkDto, i);
            if (!firstSeen.TryAdd(record.Id, checkDto.Id!.Start))
            {
                throw fields.Problem(checkDto.Id.Start, checkDto.FieldPath("id"),
                    $"duplicate check id '{record.Id}' (first defined on line {firstSeen[record.Id].Line})");
            }

            records.Add(record);
        }

        return records.AsReadOnly();
    }

    private CheckRecord MapCheck(CheckDto dto, int index)
    {
        if (dto.Id is null)
        {
            throw fields.Problem(dto.Start, $"checks[#{index + 1}].id", "missing field 'id'");
        }

        var id = dto.Id.Value.Trim();
        if (!CheckIdFormat.IsWellFormed(id))
        {
            throw fields.Problem(dto.Id.Start, dto.FieldPath("id"), $"'{id}' is not a check id; expected RMP-<AREA>-<NNN>, e.g. RMP-TLS-001");
        }

        var title = fields.Required(dto, dto.Title, "title");
        var inspectsText = fields.Required(dto, dto.Inspects, "inspects");
        if (!CheckTargetNames.TryParse(inspectsText.Value, out var inspects))
        {
            throw fields.Problem(inspectsText.Start, dto.FieldPath("inspects"),
                $"unknown target '{inspectsText.Value}'; expected one of: live-host, descriptor, forge-app");
        }

        var kinds = fields.AppKinds(dto, dto.AppKinds, "appKinds");
        var severity = fields.Severity(dto, dto.Severity, "severity");
        var cvss = fields.Required(dto, dto.Cvss, "cvss");
        // The shape only: the scoring (and so the full validation) lives in the tracker, which validates every vector
        // when it loads them and whose tests tie each vector's band to the check's severity.
        if (!CvssShape().IsMatch(cvss.Value.Trim()))
        {
            throw fields.Problem(cvss.Start, dto.FieldPath("cvss"),
                $"'{cvss.Value}' is not a CVSS 3.1 base vector such as CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N");
        }

        var remediation = fields.Required(dto, dto.Remediation, "remediation");
        return new CheckRecord(id, FieldReader.Normalise(title.Value), inspects, kinds, severity, cvss.Value.Trim(), Cwe(dto),
            Verifies(dto), FieldReader.Normalise(remediation.Value));
    }

    private ReadOnlyCollection<string> Cwe(CheckDto dto)
    {
        var ids = new List<string>();
        foreach (var text in dto.Cwe ?? [])
        {
            if (text is null || !CweId().IsMatch(text.Value))
            {
                throw fields.Problem(text?.Start ?? dto.Start, dto.FieldPath("cwe"), $"'{text?.Value}' is not a CWE id; expected CWE-<number>, e.g. CWE-319");
            }

            if (ids.Contains(text.Value))
            {
                throw fields.Problem(text.Start, dto.FieldPath("cwe"), $"'{text.Value}' is listed twice");
            }

            ids.Add(text.Value);
        }

        return ids.AsReadOnly();
    }

    private ReadOnlyDictionary<string, string> Verifies(CheckDto dto)
    {
        if (dto.Verifies is not { Entries.Count: > 0 } map)
        {
            throw fields.Problem(dto.Verifies?.Start ?? dto.Start, dto.FieldPath("verifies"),
                "missing field 'verifies'; map at least one catalog id to the requirement the check verifies in it, e.g. {\"2026\": \"1.1\"}");
        }

        var verifies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (catalog, requirement) in map.Entries)
        {
            if (string.IsNullOrWhiteSpace(catalog.Value))
            {
                throw fields.Problem(catalog.Start, dto.FieldPath("verifies"), "a catalog id is empty");
            }

            if (requirement is null || !FieldReader.IsRequirementId(requirement.Value.Trim()))
            {
                throw fields.Problem(requirement?.Start ?? catalog.Start, $"{dto.FieldPath("verifies")}.{catalog.Value}",
                    $"'{requirement?.Value}' is not a requirement id; expected a number such as 3 or 6.2, or G3.1 for a guideline");
            }

            verifies.Add(catalog.Value.Trim(), requirement.Value.Trim());
        }

        return verifies.AsReadOnly();
    }

    [GeneratedRegex(@"^CVSS:3\.1(/[A-Z]{1,2}:[A-Z])+\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex CvssShape();

    // [0-9] rather than \d, which also accepts non-ASCII digits; no leading zero, as MITRE writes them.
    [GeneratedRegex(@"^CWE-[1-9][0-9]*\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex CweId();
}
