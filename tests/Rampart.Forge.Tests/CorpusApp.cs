using YamlDotNet.RepresentationModel;

namespace Rampart.Forge.Tests;

/// <summary>One app of the test corpus and the findings written next to it in expected.yaml.</summary>
public sealed record CorpusApp(string Name, string Directory, IReadOnlyList<(string Check, string At)> Expected)
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IReadOnlyList<CorpusApp> All() => System.IO.Directory.GetDirectories(Root)
        .Order(StringComparer.Ordinal)
        .Select(Load)
        .ToList();

    public static CorpusApp Load(string directory)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(directory, "expected.yaml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var findings = ((YamlSequenceNode)root.Children[new YamlScalarNode("findings")]).Children
            .Cast<YamlMappingNode>()
            .Select(m => (((YamlScalarNode)m.Children[new YamlScalarNode("check")]).Value!, ((YamlScalarNode)m.Children[new YamlScalarNode("at")]).Value!))
            .ToList();
        return new CorpusApp(Path.GetFileName(directory), directory, findings);
    }
}
