using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Rampart.Catalog.Loading;

/// <summary>Reads one catalog file: YAML into DTOs, then validation and mapping by <see cref="CatalogMapper"/>.</summary>
internal static class CatalogReader
{
    public static LoadedCatalog Read(string sourceName, TextReader yaml)
    {
        CatalogDto? dto;
        try
        {
            dto = BuildDeserializer().Deserialize<CatalogDto?>(yaml);
        }
        catch (CatalogFieldException ex)
        {
            throw new CatalogException(sourceName, ex.Start, ex.Field, ex.Problem, ex);
        }
        catch (YamlException ex)
        {
            var deepest = YamlMappingNodeDeserializer.Deepest(ex);
            throw new CatalogException(sourceName, deepest.Start, null,
                $"not a valid catalog: {YamlMappingNodeDeserializer.Describe(deepest)}", ex);
        }

        if (dto is null)
        {
            throw new CatalogException(sourceName, new Mark(0, 1, 1), null, "the file holds no catalog");
        }

        return new CatalogMapper(sourceName).Map(dto);
    }

    // Built per file: cheap next to parsing, and no question of sharing a deserializer across threads.
    private static IDeserializer BuildDeserializer() =>
        new DeserializerBuilder()
            .WithNodeDeserializer(new YamlTextNodeDeserializer(), s => s.OnTop())
            .WithNodeDeserializer(new YamlMappingNodeDeserializer(), s => s.OnTop())
            .Build();
}
