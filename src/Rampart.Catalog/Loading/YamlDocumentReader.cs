using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Rampart.Catalog.Loading;

/// <summary>
/// Reads one YAML document into a <see cref="YamlMapping"/> DTO, turning every problem into a
/// <see cref="CatalogException"/> with file, line, column and field. Shared by catalog files and the check records.
/// </summary>
internal static class YamlDocumentReader
{
    /// <param name="noun">What the file holds, for messages: "catalog", "check list".</param>
    public static T Read<T>(string sourceName, TextReader yaml, string noun)
        where T : YamlMapping
    {
        var text = yaml.ReadToEnd();
        RejectTabIndentation(sourceName, text);
        var parser = new Parser(new StringReader(text));
        T? dto;
        try
        {
            // Consuming the stream start ourselves leaves the stream end to us, so a second document is noticed.
            parser.Consume<StreamStart>();
            dto = BuildDeserializer().Deserialize<T?>(parser);
            if (!parser.Accept<StreamEnd>(out _))
            {
                throw new CatalogException(sourceName, parser.Current?.Start ?? Mark.Empty, null,
                    $"a {noun} file holds one YAML document, but a second one starts here");
            }
        }
        catch (CatalogFieldException ex)
        {
            throw new CatalogException(sourceName, ex.Start, ex.Field, ex.Problem, ex, ex.AfterField);
        }
        catch (YamlException ex)
        {
            var deepest = YamlMappingNodeDeserializer.Deepest(ex);
            throw new CatalogException(sourceName, deepest.Start, null,
                $"not a valid {noun}: {YamlMappingNodeDeserializer.Describe(deepest)}", ex);
        }

        return dto ?? throw new CatalogException(sourceName, new Mark(0, 1, 1), null, $"the file holds no {noun}");
    }

    // YAML forbids tabs in indentation, but YamlDotNet reports that error at line 1, column 1; find the real line.
    private static void RejectTabIndentation(string sourceName, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var indent = line.Length - line.TrimStart(' ', '\t').Length;
            var tab = line.IndexOf('\t', 0, indent);
            if (tab >= 0 && indent < line.TrimEnd('\r').Length)
            {
                throw new CatalogException(sourceName, new Mark(0, i + 1, tab + 1), null,
                    "a tab is used for indentation; YAML allows only spaces");
            }
        }
    }

    // Built per file: cheap next to parsing, and no question of sharing a deserializer across threads.
    private static IDeserializer BuildDeserializer() =>
        new DeserializerBuilder()
            .WithNodeDeserializer(new YamlTextNodeDeserializer(), s => s.OnTop())
            .WithNodeDeserializer(new YamlTextMapNodeDeserializer(), s => s.OnTop())
            .WithNodeDeserializer(new YamlMappingNodeDeserializer(), s => s.OnTop())
            .Build();
}
