namespace Rampart.Catalog.Loading;

/// <summary>One catalog file as written; validated and mapped to <see cref="RequirementCatalog"/> by <see cref="CatalogMapper"/>.</summary>
internal sealed class CatalogDto : YamlMapping
{
    public YamlText? Id { get; set; }

    public YamlText? Title { get; set; }

    public YamlText? Published { get; set; }

    public YamlText? Effective { get; set; }

    public YamlText? Source { get; set; }

    public List<RequirementDto?>? Requirements { get; set; }

    public override string Path => "";
}
