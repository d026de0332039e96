using Acornima.Ast;

namespace Rampart.Forge.Code;

/// <summary>An imported binding: <c>import { Imported as local } from 'Source'</c>; Imported is "default" or "*" for those forms.</summary>
public sealed record ImportBinding(string Source, string Imported);

/// <summary>
/// One parsed source file and its module-level tables: imports (ESM and require), top-level bindings, exports
/// (ESM and CommonJS), re-exports and the Forge resolvers it defines.
/// </summary>
public sealed class JsModule(string path, string text, Acornima.Ast.Program program, SourceLanguage language)
{
    public string Path { get; } = path;

    /// <summary>The original text (TypeScript or JSX included), for excerpts and secret rules.</summary>
    public string Text { get; } = text;

    public Acornima.Ast.Program Program { get; } = program;

    public SourceLanguage Language { get; } = language;

    public int LineCount { get; } = text.AsSpan().Count('\n') + 1;

    public Dictionary<string, ImportBinding> Imports { get; } = new(StringComparer.Ordinal);

    /// <summary>Top-level names to what they are bound to: a function, a class or an initialiser expression.</summary>
    public Dictionary<string, Node> Locals { get; } = new(StringComparer.Ordinal);

    /// <summary>Exported names to a local name (<see cref="Identifier"/>) or directly to the exported expression.</summary>
    public Dictionary<string, Node> Exports { get; } = new(StringComparer.Ordinal);

    /// <summary><c>export { a as b } from './x'</c>: b -> (./x, a); <c>export * from './x'</c> is in <see cref="StarExports"/>.</summary>
    public Dictionary<string, ImportBinding> ReExports { get; } = new(StringComparer.Ordinal);

    public List<string> StarExports { get; } = [];

    /// <summary>Resolver variables (<c>new Resolver()</c>) to their <c>define(name, handler)</c> calls.</summary>
    public Dictionary<string, List<(string Name, Node Handler)>> ResolverDefines { get; } = new(StringComparer.Ordinal);

    /// <summary>Constant strings bound by <c>const</c> anywhere in the file (first binding of a name wins).</summary>
    public Dictionary<string, string> ConstStrings { get; } = new(StringComparer.Ordinal);

    /// <summary>Initialisers of <c>const</c>/<c>let</c> bindings anywhere in the file, for option objects and aliases.</summary>
    public Dictionary<string, Node> AllBindings { get; } = new(StringComparer.Ordinal);

    /// <summary>Functions declared anywhere in the file by name (nested helpers included).</summary>
    public Dictionary<string, Node> AllFunctions { get; } = new(StringComparer.Ordinal);

    /// <summary>Class methods by name, for <c>this.method()</c> and <c>instance.method()</c>.</summary>
    public Dictionary<string, Node> Methods { get; } = new(StringComparer.Ordinal);

    // Both run on most call expressions of the walk and the file checks: no LINQ enumerator and no params array per call.
    public bool ImportsPackage(string package)
    {
        foreach (var binding in Imports.Values)
        {
            if (binding.Source == package)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsImportFrom(string local, params ReadOnlySpan<string> packages) =>
        Imports.TryGetValue(local, out var binding) && packages.Contains(binding.Source);

    /// <summary>1-based line and column of a node in the original file.</summary>
    public static (int Line, int Column) Position(Node node) => (node.Location.Start.Line, node.Location.Start.Column + 1);

    public string Where(Node node)
    {
        var (line, column) = Position(node);
        return $"{Path}:{line}:{column}";
    }

    /// <summary>The source line of a node, trimmed to a readable excerpt.</summary>
    public string Excerpt(Node node)
    {
        var start = node.Start;
        var lineStart = Text.LastIndexOf('\n', Math.Max(0, Math.Min(start, Text.Length - 1))) + 1;
        var lineEnd = Text.IndexOf('\n', start);
        if (lineEnd < 0)
        {
            lineEnd = Text.Length;
        }

        var from = Math.Max(lineStart, start - 40);
        var to = Math.Min(lineEnd, Math.Max(start + 120, from + 160));
        var excerpt = Text[from..to].Trim();
        return (from > lineStart ? "…" : string.Empty) + excerpt + (to < lineEnd ? "…" : string.Empty);
    }
}
