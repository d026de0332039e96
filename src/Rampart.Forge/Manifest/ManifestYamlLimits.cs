using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Rampart.Forge.Manifest;

/// <summary>
/// Bounds a manifest before YamlDotNet's representation model loads it. That loader recurses once per nesting level
/// (200 KB of <c>[[[[</c> overflowed the stack and killed the process), and an alias stands for its whole anchored
/// node, so nested aliases ("billion laughs") make a 21 KB file stand for hundreds of millions of nodes once anything
/// walks it. The event parser used here is a state machine: it neither recurses nor expands aliases, so this pass
/// costs time linear in the text and memory linear in the anchors.
/// </summary>
public static class ManifestYamlLimits
{
    /// <summary>Real manifests nest about 8 levels (modules.type[].resolver.function); 64 leaves room for any of them.</summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes the document stands for with every alias expanded: far above any real manifest (a few thousand).</summary>
    public const long MaxExpandedNodes = 100_000;

    /// <exception cref="ForgeInputException">The text nests deeper than <see cref="MaxDepth"/> or its aliases expand past
    /// <see cref="MaxExpandedNodes"/>; the message names the file, line and column where the limit was crossed.</exception>
    /// <exception cref="YamlException">The text is not valid YAML (the caller reports it with its position).</exception>
    public static void Check(string fileName, string text, CancellationToken cancellationToken = default)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<(string? Anchor, long Expanded)>();
        var anchorSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long expanded = 0;
        while (parser.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = parser.Current!;
            long added;
            switch (current)
            {
                case MappingStart or SequenceStart:
                    if (open.Count >= MaxDepth)
                    {
                        throw Error(fileName, current, $"nested deeper than {MaxDepth} levels");
                    }

                    open.Push((Anchor(current), expanded));
                    added = 1;
                    break;
                case MappingEnd or SequenceEnd:
                    var (anchor, startedAt) = open.Pop();
                    if (anchor is not null)
                    {
                        anchorSizes[anchor] = expanded - startedAt;
                    }

                    continue;
                case Scalar scalar:
                    if (!scalar.Anchor.IsEmpty)
                    {
                        anchorSizes[scalar.Anchor.Value] = 1;
                    }

                    added = 1;
                    break;
                case AnchorAlias alias:
                    added = anchorSizes.GetValueOrDefault(alias.Value.Value, 1);
                    break;
                default:
                    continue;
            }

            expanded += added;
            if (expanded > MaxExpandedNodes)
            {
                throw Error(fileName, current, $"YAML aliases make the manifest stand for more than {MaxExpandedNodes:N0} nodes");
            }
        }
    }

    private static string? Anchor(ParsingEvent e) => e is NodeEvent { Anchor.IsEmpty: false } node ? node.Anchor.Value : null;

    private static ForgeInputException Error(string fileName, ParsingEvent at, string problem) =>
        new($"{fileName}:{at.Start.Line}:{at.Start.Column}: {problem}; Rampart refuses it rather than exhaust memory or the stack");
}
