using System.Reflection;
using System.Runtime.CompilerServices;
using Rampart.Forge.Input;

namespace Rampart.Forge.Tests;

/// <summary>
/// The analysis result must hold no syntax tree: trees are dropped once their file is summarised, which is what keeps
/// a large app's memory and collection cost down (bench/RESULTS.md, issue 4 fourth round). A field that starts to keep
/// an Acornima node would silently bring back every tree of the app; this walks the whole object graph to catch it.
/// </summary>
public sealed class RetainedMemoryTests
{
    [Theory]
    [InlineData("authz-indirect-calls")]       // JavaScript across four modules, classes, CommonJS
    [InlineData("authz-cross-module-ts")]      // TypeScript through the Node.js front end
    [InlineData("tsx-and-jsx")]
    public async Task The_analysis_result_holds_no_syntax_tree(string name)
    {
        var analysis = await ForgeAnalyzer.AnalyzeAsync(ForgeAppSource.Load(Path.Combine(CorpusApp.Root, name)), new DateOnly(2026, 11, 29), 2, CancellationToken.None);
        analysis.Code.Modules.Count.ShouldBeGreaterThan(0);
        analysis.Entries.Count.ShouldBeGreaterThan(0);

        var reached = Reachable(analysis);

        reached.ShouldContain(t => t == typeof(Code.FunctionSummary)); // the walk's summaries are there
        reached.Where(t => t.Namespace?.StartsWith("Acornima", StringComparison.Ordinal) == true).ShouldBeEmpty();
    }

    /// <summary>Every type of object reachable from the root through instance fields (arrays and collections included).</summary>
    private static HashSet<Type> Reachable(object root)
    {
        var types = new HashSet<Type>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            var type = current.GetType();
            types.Add(type);
            if (type == typeof(string) || type.IsPrimitive || type.IsPointer || current is Type or MemberInfo or Delegate)
            {
                continue;
            }

            if (current is Array array)
            {
                if (!type.GetElementType()!.IsPrimitive)
                {
                    foreach (var item in array)
                    {
                        if (item is not null)
                        {
                            pending.Push(item);
                        }
                    }
                }

                continue;
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType.IsByRef || field.FieldType.IsByRefLike)
                    {
                        continue;
                    }

                    if (field.GetValue(current) is { } value)
                    {
                        pending.Push(value);
                    }
                }
            }
        }

        return types;
    }

    [Fact]
    public void The_walk_finds_an_acornima_node_when_one_is_held()
    {
        // The detector itself must be able to fail: a tree behind a field is found.
        var holder = new StrongBox<object>(new Acornima.Parser().ParseModule("const a = 1;"));

        Reachable(holder).Where(t => t.Namespace?.StartsWith("Acornima", StringComparison.Ordinal) == true).ShouldNotBeEmpty();
    }
}
