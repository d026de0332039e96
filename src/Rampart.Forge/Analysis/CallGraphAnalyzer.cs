using Acornima;
using Acornima.Ast;
using Rampart.Forge.Checks;
using Rampart.Forge.Code;

namespace Rampart.Forge.Analysis;

/// <summary>
/// Walks the call graph from each entry point through the code, across modules, in source order, carrying what is
/// known on the path so far: whether a permission check or a caller authentication has happened, and which
/// variables hold user input. It reports the path-dependent flaws: authorization bypass (RMP-FORGE-001),
/// unauthenticated web triggers (002), SSRF (010) and Rovo actions that write while declared read-only (013).
/// </summary>
/// <remarks>
/// Like FSRT this is a may-analysis over source order, not a control-flow graph: a check anywhere before the call
/// on the walked path counts, even inside an <c>if</c>. Unlike FSRT, only an actual comparison or verification of a
/// header- or secret-derived value counts as web-trigger authentication, not any read of the environment or storage.
/// </remarks>
public sealed class CallGraphAnalyzer(CodeModel model)
{
    private static readonly System.Collections.Frozen.FrozenSet<string> VerifyFunctions = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["timingSafeEqual", "verify", "verifySignature", "verifyWebhook", "validateSignature", "verifyToken", "compare", "compareSync"], StringComparer.Ordinal);
    private static readonly System.Text.RegularExpressions.Regex FixedOrigin = new(
        @"^(https?://[^/{}?#@\\]+/|/[^/])", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // Keyed by what changes the outcome, not by entry: a function reached from many entries in the same state is walked
    // once (its findings keep the first path that reached them), which keeps the analysis linear in the code size.
    private readonly Dictionary<(Node, bool, bool, uint, EntryKind, bool), (bool Checked, bool Authenticated)> memo = [];
    private readonly HashSet<Node> onStack = [];
    private readonly List<string> path = [];
    private readonly List<ForgeFinding> findings = [];
    private readonly HashSet<(string, string)> reported = [];
    private readonly HashSet<EntryPoint> rovoReported = [];

    // The tree searches below run on most expressions; they never nest, so they share one stack instead of allocating one each.
    private readonly Stack<Node> scratch = new();

    public int FunctionsVisited { get; private set; }

    public IReadOnlyList<ForgeFinding> Analyze(IEnumerable<EntryPoint> entries)
    {
        foreach (var entry in entries)
        {
            path.Clear();
            path.Add(entry.Name);
            var taint = entry.Kind == EntryKind.AppEvent ? 0u : uint.MaxValue;
            try
            {
                Visit(entry, new FunctionSymbol(entry.Module, entry.Body, entry.Name), guarded: false, authenticated: false, taint);
            }
            catch (InsufficientExecutionStackException)
            {
                throw new ForgeInputException($"{entry.Module.Path}: call chain from {entry.Name} nested too deeply to analyse");
            }
        }

        return findings;
    }

    private (bool Checked, bool Authenticated) Visit(EntryPoint entry, FunctionSymbol function, bool guarded, bool authenticated, uint taint)
    {
        var key = (function.Function, guarded, authenticated, taint, entry.Kind, entry.ReadOnlyRovoAction);
        if (memo.TryGetValue(key, out var known))
        {
            return known;
        }

        if (!onStack.Add(function.Function))
        {
            return (false, false);
        }

        FunctionsVisited++;
        var flow = new Flow(entry, function.Module) { Guarded = guarded, Authenticated = authenticated };
        var (parameters, body) = function.Function switch
        {
            FunctionDeclaration f => (f.Params, (Node)f.Body),
            FunctionExpression f => (f.Params, f.Body),
            ArrowFunctionExpression f => (f.Params, f.Body),
            var other => (default(NodeList<Node>), other),
        };
        for (var i = 0; i < parameters.Count && i < 32; i++)
        {
            if ((taint & (1u << i)) != 0)
            {
                flow.Tainted.UnionWith(PatternNames(parameters[i], skipContext: true));
            }
        }

        VisitNode(flow, body, isRoot: true);
        onStack.Remove(function.Function);
        var result = (flow.CheckSeen, flow.AuthSeen);
        memo[key] = result;
        return result;
    }

    private void VisitNode(Flow flow, Node node, bool isRoot = false)
    {
        ModuleBuilder.GuardStack();
        switch (node)
        {
            case FunctionDeclaration when !isRoot:
                return; // hoisted helpers run when called, and calls are followed by name
            case VariableDeclarator declarator:
                if (declarator.Init is { } init)
                {
                    VisitNode(flow, init);
                    if (References(init, flow.Tainted))
                    {
                        flow.Tainted.UnionWith(PatternNames(declarator.Id, skipContext: true));
                    }

                    if (IsAuthSource(init, flow))
                    {
                        flow.AuthDerived.UnionWith(PatternNames(declarator.Id, skipContext: false));
                    }
                }

                return;
            case AssignmentExpression { Left: Identifier target } assignment:
                VisitNode(flow, assignment.Right);
                if (References(assignment.Right, flow.Tainted))
                {
                    flow.Tainted.Add(target.Name);
                }

                return;
            case BinaryExpression { Operator: Operator.StrictEquality or Operator.Equality or Operator.StrictInequality or Operator.Inequality } comparison:
                VisitChildren(flow, comparison);
                if ((IsAuthValue(comparison.Left, flow) && comparison.Right is not Literal) || (IsAuthValue(comparison.Right, flow) && comparison.Left is not Literal))
                {
                    flow.Authenticate();
                }

                return;
            case CallExpression call:
                VisitChildren(flow, call);
                HandleCall(flow, call);
                return;
            default:
                VisitChildren(flow, node);
                return;
        }
    }

    private void VisitChildren(Flow flow, Node node)
    {
        foreach (var child in node.ChildNodes)
        {
            VisitNode(flow, child);
        }
    }

    private void HandleCall(Flow flow, CallExpression call)
    {
        var module = flow.Module;
        var entry = flow.Entry;
        if (ForgeApi.IsAuthorizeCall(call, module))
        {
            flow.Check();
        }

        if (ForgeApi.CalleeName(call) is { } name && VerifyFunctions.Contains(name))
        {
            flow.Authenticate();
        }

        if (ForgeApi.AsProductCall(call, module) is { } product)
        {
            if (product.IsPermissionCheck)
            {
                flow.Check();
            }
            else if (product.AsApp)
            {
                if (entry.Kind == EntryKind.UserInvoked && !flow.Guarded)
                {
                    Report(ForgeChecks.AuthorizationBypass, module, call, $"asApp().{product.Api}({product.Route ?? "?"}) without a permission check");
                }

                if (entry.Kind == EntryKind.WebTrigger && !flow.Authenticated)
                {
                    Report(ForgeChecks.UnauthenticatedWebTrigger, module, call, $"asApp().{product.Api}({product.Route ?? "?"}) reached without authenticating the caller");
                }
            }

            if (entry.ReadOnlyRovoAction && product.Writes)
            {
                ReportRovo(entry, module, call, $"{product.Method} {product.Route ?? "?"}");
            }
        }

        if (ForgeApi.StorageAccess(call, module) is { } access)
        {
            // Reading the app's own secret is how a handler authenticates; it exposes nothing to the caller.
            if (entry.Kind == EntryKind.WebTrigger && !flow.Authenticated && ForgeApi.CalleeName(call) != "getSecret")
            {
                Report(ForgeChecks.UnauthenticatedWebTrigger, module, call, $"app storage {access} reached without authenticating the caller");
            }

            if (access == "write" && entry.ReadOnlyRovoAction)
            {
                ReportRovo(entry, module, call, "storage write");
            }
        }

        if (ForgeApi.OutboundRequest(call, module) is var (url, options))
        {
            if (entry.Kind != EntryKind.AppEvent && References(url, flow.Tainted) && !HasFixedOrigin(url, module))
            {
                Report(ForgeChecks.Ssrf, module, call, "the request URL's host comes from the caller's input");
            }

            if (entry.ReadOnlyRovoAction && Constants.StringValue(ForgeApi.Property(options, "method"), module)?.ToUpperInvariant() is { } method
                && method is not "GET" and not "HEAD" and not "OPTIONS")
            {
                ReportRovo(entry, module, call, $"outbound {method}");
            }
        }

        if (entry.ReadOnlyRovoAction && ForgeApi.ForgeSqlText(call, module) is { } sql
            && Constants.Pattern(sql, module)?.TrimStart().Split(' ', 2)[0].ToUpperInvariant() is "INSERT" or "UPDATE" or "DELETE" or "REPLACE")
        {
            ReportRovo(entry, module, call, "Forge SQL write");
        }

        // Follow calls into the app's own functions, and functions passed as callbacks.
        var taint = 0u;
        for (var i = 0; i < call.Arguments.Count && i < 32; i++)
        {
            if (References(call.Arguments[i], flow.Tainted))
            {
                taint |= 1u << i;
            }
        }

        if (ResolveCallee(call, module) is FunctionSymbol target)
        {
            Enter(flow, target, taint);
        }

        foreach (var argument in call.Arguments)
        {
            if (argument is Identifier && model.ResolveExpression(module, argument) is FunctionSymbol callback)
            {
                Enter(flow, callback, 0);
            }
        }
    }

    private void Enter(Flow flow, FunctionSymbol target, uint taint)
    {
        path.Add(target.Name);
        var (checkedInside, authenticatedInside) = Visit(flow.Entry, target, flow.Guarded, flow.Authenticated, taint);
        path.RemoveAt(path.Count - 1);
        if (checkedInside)
        {
            flow.Check();
        }

        if (authenticatedInside)
        {
            flow.Authenticate();
        }
    }

    private Symbol? ResolveCallee(CallExpression call, JsModule module)
    {
        switch (ForgeApi.Unwrap(call.Callee))
        {
            case Identifier id:
                return model.ResolveName(module, id.Name);
            case MemberExpression { Computed: false, Object: ThisExpression, Property: Identifier method }:
                return module.Methods.TryGetValue(method.Name, out var m) ? new FunctionSymbol(module, m, method.Name) : null;
            case MemberExpression { Computed: false, Object: Identifier owner, Property: Identifier method }:
                var symbol = model.ResolveMember(model.ResolveName(module, owner.Name), method.Name);
                if (symbol is null && module.AllBindings.TryGetValue(owner.Name, out var init)
                    && ForgeApi.Unwrap((Expression)init) is NewExpression { Callee: Identifier className })
                {
                    symbol = model.ResolveMember(model.ResolveName(module, className.Name), method.Name);
                }

                return symbol;
            default:
                return null;
        }
    }

    private void Report(ForgeCheck check, JsModule module, Node node, string what)
    {
        var location = module.Where(node);
        if (reported.Add((check.Id, location)))
        {
            findings.Add(new ForgeFinding(check, location, $"{EvidenceText.Redact(module.Excerpt(node))} — {what}; path: {PathText()}"));
        }
    }

    /// <summary>The call path for evidence; a long chain keeps its first and last hops so reports stay readable.</summary>
    private string PathText() => path.Count <= 8
        ? string.Join(" → ", path)
        : $"{string.Join(" → ", path.Take(4))} → … {path.Count - 8} more … → {string.Join(" → ", path.Skip(path.Count - 4))}";

    private void ReportRovo(EntryPoint entry, JsModule module, Node node, string what)
    {
        if (rovoReported.Add(entry))
        {
            Report(ForgeChecks.RovoActionVerb, module, node, $"{what} in a Rovo action declared with actionVerb GET");
        }
    }

    /// <summary>True when the URL's scheme and host are constants followed by a path separator, so input can only pick the path.</summary>
    private static bool HasFixedOrigin(Node url, JsModule module)
    {
        var pattern = Constants.Pattern(url, module);
        if (pattern is null || pattern.StartsWith("{}", StringComparison.Ordinal))
        {
            return false;
        }

        return FixedOrigin.IsMatch(pattern);
    }

    private bool References(Node node, HashSet<string> names)
    {
        if (names.Count == 0)
        {
            return false;
        }

        var stack = scratch;
        stack.Clear();
        stack.Push(node);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case Identifier id when names.Contains(id.Name):
                    return true;
                case MemberExpression { Computed: false, Property: Identifier { Name: "context" } }:
                    continue; // req.context is set by the platform, not by the caller
                case MemberExpression { Computed: false } member:
                    stack.Push(member.Object); // the property name is not a variable
                    continue;
                case Property { Computed: false } property:
                    stack.Push(property.Value);
                    continue;
                case FunctionDeclaration or FunctionExpression or ArrowFunctionExpression:
                    continue;
                case var other:
                    foreach (var child in other.ChildNodes)
                    {
                        stack.Push(child);
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>A value that carries the caller's credential or the app's secret: request headers, process.env, getSecret().</summary>
    private bool IsAuthSource(Node node, Flow flow)
    {
        var stack = scratch;
        stack.Clear();
        stack.Push(node);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case Identifier id when flow.AuthDerived.Contains(id.Name):
                    return true;
                case MemberExpression { Computed: false, Property: Identifier { Name: "headers" or "env" } }:
                    return true;
                case CallExpression call when ForgeApi.CalleeName(call) is "getSecret":
                    return true;
                case FunctionDeclaration or FunctionExpression or ArrowFunctionExpression:
                    continue;
                case var other:
                    foreach (var child in other.ChildNodes)
                    {
                        stack.Push(child);
                    }

                    break;
            }
        }

        return false;
    }

    private bool IsAuthValue(Node node, Flow flow) => IsAuthSource(node, flow);

    internal static IEnumerable<string> PatternNames(Node? pattern, bool skipContext)
    {
        switch (pattern)
        {
            case Identifier id:
                if (!(skipContext && id.Name == "context"))
                {
                    yield return id.Name;
                }

                break;
            case AssignmentPattern assignment:
                foreach (var name in PatternNames(assignment.Left, skipContext))
                {
                    yield return name;
                }

                break;
            case RestElement rest:
                foreach (var name in PatternNames(rest.Argument, skipContext))
                {
                    yield return name;
                }

                break;
            case ObjectPattern obj:
                foreach (var property in obj.Properties)
                {
                    if (property is Property p && !(skipContext && ModuleBuilder.Name(p.Key) == "context"))
                    {
                        foreach (var name in PatternNames(p.Value, skipContext))
                        {
                            yield return name;
                        }
                    }
                    else if (property is RestElement r)
                    {
                        foreach (var name in PatternNames(r, skipContext))
                        {
                            yield return name;
                        }
                    }
                }

                break;
            case ArrayPattern array:
                foreach (var element in array.Elements)
                {
                    foreach (var name in PatternNames(element, skipContext))
                    {
                        yield return name;
                    }
                }

                break;
        }
    }

    private sealed class Flow(EntryPoint entry, JsModule module)
    {
        public EntryPoint Entry { get; } = entry;

        public JsModule Module { get; } = module;

        public bool Guarded { get; set; }

        public bool Authenticated { get; set; }

        public bool CheckSeen { get; private set; }

        public bool AuthSeen { get; private set; }

        public HashSet<string> Tainted { get; } = new(StringComparer.Ordinal);

        public HashSet<string> AuthDerived { get; } = new(StringComparer.Ordinal);

        public void Check()
        {
            Guarded = true;
            CheckSeen = true;
        }

        public void Authenticate()
        {
            Authenticated = true;
            AuthSeen = true;
        }
    }
}
