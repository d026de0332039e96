using Acornima.Ast;

namespace Rampart.Forge.Code;

/// <summary>
/// A file's syntax tree beside the module built from it, for the per-file passes (API recognition, file checks,
/// function summaries). It lives only while its file is being analysed: nothing after that holds a tree.
/// </summary>
public sealed class ModuleSyntax(JsModule module, Acornima.Ast.Program program)
{
    private readonly Dictionary<Node, FunctionSummary> summaries = new(ReferenceEqualityComparer.Instance);

    public JsModule Module { get; } = module;

    public Acornima.Ast.Program Program { get; } = program;

    public string Path => Module.Path;

    /// <summary>Initialisers of <c>const</c>/<c>let</c> bindings anywhere in the file, for option objects and aliases.</summary>
    public Dictionary<string, Node> AllBindings { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ImportBinding> Imports => Module.Imports;

    public Dictionary<string, string> ConstStrings => Module.ConstStrings;

    /// <summary>Every function node (or resolver handler expression) gets one body, whoever asks first.</summary>
    public FunctionSummary SummaryFor(Node node)
    {
        if (!summaries.TryGetValue(node, out var body))
        {
            body = new FunctionSummary(node switch
            {
                FunctionDeclaration { Id: { } id } => id.Name,
                FunctionExpression { Id: { } id } => id.Name,
                _ => "(anonymous)",
            });
            summaries.Add(node, body);
        }

        return body;
    }

    public IEnumerable<KeyValuePair<Node, FunctionSummary>> Summaries => summaries;

    public bool ImportsPackage(string package) => Module.ImportsPackage(package);

    public bool IsImportFrom(string local, params ReadOnlySpan<string> packages) => Module.IsImportFrom(local, packages);

    public static SourceSpot Spot(Node node) => new(node.Start, node.Location.Start.Line, node.Location.Start.Column + 1);

    public string Where(Node node) => Module.Where(Spot(node));

    public string Excerpt(Node node) => Module.Excerpt(node.Start);
}
