namespace Rampart.Catalog.Loading;

/// <summary>Reads one catalog file: YAML into DTOs, then validation and mapping by <see cref="CatalogMapper"/>.</summary>
internal static class CatalogReader
{
    public static LoadedCatalog Read(string sourceName, TextReader yaml) =>
        new CatalogMapper(sourceName).Map(YamlDocumentReader.Read<CatalogDto>(sourceName, yaml, "catalog"));
}
