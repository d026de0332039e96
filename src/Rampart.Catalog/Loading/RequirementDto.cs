namespace Rampart.Catalog.Loading;

/// <summary>One requirement as written in a catalog file.</summary>
internal sealed class RequirementDto : YamlMapping
{
    public YamlText? Id { get; set; }

    public YamlText? Title { get; set; }

    public YamlText? Category { get; set; }

    public YamlText? Summary { get; set; }

    public List<YamlText?>? AppliesTo { get; set; }

    public YamlText? Verification { get; set; }

    public List<YamlText?>? Checks { get; set; }

    public YamlText? Severity { get; set; }

    public YamlText? IsGuideline { get; set; }

    public YamlText? AddedOn { get; set; }

    public YamlText? Note { get; set; }

    // The id is usually the first key, so errors further down can already name the requirement.
    public override string Path => $"requirements[{Id?.Value ?? "?"}]";
}
