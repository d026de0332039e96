using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Rampart.Forge.Manifest;

/// <summary>
/// Bounds a manifest while YamlDotNet's representation model loads it. That loader recurses once per nesting level
/// (200 KB of <c>[[[[</c> overflowed the stack and killed the process), and an alias stands for its whole anchored
/// node, so nested aliases ("billion laughs") make a 1 KB file stand for 10^10 nodes once anything walks it. This
/// parser sits between the event parser (a state machine: no recursion, no expansion) and the loader, so the text is
/// parsed once and the loader never sees an event past either bound.
/// </summary>
internal sealed class BoundedYamlParser(string fileName, IParser inner) : IParser
{
    /// <summary>Real manifests nest about 8 levels (modules.type[].resolver.function); 64 leaves room for any of them.</summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes the document stands for with every alias expanded: far above any real manifest (a few thousand).</summary>
    public const long MaxExpandedNodes = 100_000;

    private readonly Stack<(string? Anchor, long Expanded)> open = new();
    private readonly Dictionary<string, long> anchorSizes = new(StringComparer.Ordinal);
    private long expanded;

    public ParsingEvent? Current => inner.Current;

    /// <exception cref="ForgeInputException">The text nests deeper than <see cref="MaxDepth"/> or its aliases expand past
    /// <see cref="MaxExpandedNodes"/>; the message names the file, line and column where the limit was crossed.</exception>
    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        Count(inner.Current!);
        return true;
    }

    private void Count(ParsingEvent current)
    {
        long added;
        switch (current)
        {
            case MappingStart or SequenceStart:
                if (open.Count >= MaxDepth)
                {
                    throw Error(current, $"nested deeper than {MaxDepth} levels");
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

                return;
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
                return;
        }

        expanded += added;
        if (expanded > MaxExpandedNodes)
        {
            throw Error(current, $"YAML aliases make the manifest stand for more than {MaxExpandedNodes:N0} nodes");
        }
    }

    private static string? Anchor(ParsingEvent e) => e is NodeEvent { Anchor.IsEmpty: false } node ? node.Anchor.Value : null;

    private ForgeInputException Error(ParsingEvent at, string problem) =>
        new($"{fileName}:{at.Start.Line}:{at.Start.Column}: {problem}; Rampart refuses it rather than exhaust memory or the stack");
}
