using Rampart.Forge.Analysis;

namespace Rampart.Forge.Code;

/// <summary>An imported binding: <c>import { Imported as local } from 'Source'</c>; Imported is "default" or "*" for those forms.</summary>
public sealed record ImportBinding(string Source, string Imported);

/// <summary>
/// One analysed source file: its module-level tables (imports, top-level bindings, exports, re-exports, resolvers)
/// with values reduced to <see cref="JsValue"/>, its functions as <see cref="FunctionSummary"/> summaries, and the
/// results of the path-independent file checks. It holds no syntax tree, so an app's trees never all live at once.
/// </summary>
public sealed class JsModule(string path, string text, SourceLanguage language)
{
    public string Path { get; } = path;

    /// <summary>The original text (TypeScript or JSX included), for excerpts.</summary>
    public string Text { get; } = text;

    public SourceLanguage Language { get; } = language;

    public int LineCount { get; } = text.AsSpan().Count('\n') + 1;

    public Dictionary<string, ImportBinding> Imports { get; } = new(StringComparer.Ordinal);

    /// <summary>Top-level names to what they are bound to: a function, a class or an initialiser expression.</summary>
    public Dictionary<string, JsValue?> Locals { get; } = new(StringComparer.Ordinal);

    /// <summary>Exported names to a local name (<see cref="NameValue"/>) or directly to the exported value.</summary>
    public Dictionary<string, JsValue?> Exports { get; } = new(StringComparer.Ordinal);

    /// <summary><c>export { a as b } from './x'</c>: b -> (./x, a); <c>export * from './x'</c> is in <see cref="StarExports"/>.</summary>
    public Dictionary<string, ImportBinding> ReExports { get; } = new(StringComparer.Ordinal);

    public List<string> StarExports { get; } = [];

    /// <summary>Resolver variables (<c>new Resolver()</c>) to their <c>define(name, handler)</c> calls.</summary>
    public Dictionary<string, List<ResolverDefinition>> ResolverDefines { get; } = new(StringComparer.Ordinal);

    /// <summary>Constant strings bound by <c>const</c> anywhere in the file (first binding of a name wins).</summary>
    public Dictionary<string, string> ConstStrings { get; } = new(StringComparer.Ordinal);

    /// <summary>Functions declared anywhere in the file by name (nested helpers included).</summary>
    public Dictionary<string, JsValue?> AllFunctions { get; } = new(StringComparer.Ordinal);

    /// <summary>Class methods by name, for <c>this.method()</c> and <c>instance.method()</c>.</summary>
    public Dictionary<string, FunctionSummary> Methods { get; } = new(StringComparer.Ordinal);

    /// <summary>What the path-independent file checks found in this file.</summary>
    public IReadOnlyList<ForgeFinding> FileFindings { get; internal set; } = [];

    /// <summary>Every product API call in the file, for the least-privilege check.</summary>
    public IReadOnlyList<ProductCall> ProductCalls { get; internal set; } = [];

    /// <summary>Secret rules that timed out on this file.</summary>
    public IReadOnlyList<string> SecretTimeouts { get; internal set; } = [];

    // Both run on most call expressions of the per-file passes: no LINQ enumerator and no params array per call.
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

    public string Where(SourceSpot spot) => $"{Path}:{spot.Line}:{spot.Column}";

    /// <summary>The source line around an offset, trimmed to a readable excerpt.</summary>
    public string Excerpt(int start)
    {
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
