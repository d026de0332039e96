using Rampart.Catalog;
using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Acornima;
using Acornima.Ast;
using Rampart.Forge.Code;

namespace Rampart.Forge.Analysis;

/// <summary>
/// Turns every function of a file into a <see cref="FunctionSummary"/>: the flow events the call-graph walk acts on, in
/// the order a source-order walk of the body meets them. It runs once per file while the syntax tree is in hand, so
/// the walk later iterates short event lists instead of re-traversing trees, and no tree has to outlive its file.
/// </summary>
/// <remarks>
/// The events mirror a recursive walk: a call's events follow those of its callee and arguments; a declaration's
/// follow its initialiser's; a nested function expression (a callback) is walked in place; a nested function
/// declaration is not (it runs when called, and calls are followed by name).
/// </remarks>
public sealed class FunctionSummarizer
{
    private static readonly FrozenSet<string> VerifyFunctions = FrozenSet.ToFrozenSet(
        ["timingSafeEqual", "verify", "verifySignature", "verifyWebhook", "validateSignature", "verifyToken", "compare", "compareSync"], StringComparer.Ordinal);

    private static readonly Regex FixedOrigin = new(
        @"^(https?://[^/{}?#@\\]+/|/[^/])", RegexOptions.CultureInvariant, RegexLimits.MatchTimeout);

    private static readonly AuthSource Never = new(false, []);
    private static readonly AuthSource Always = new(true, []);

    private readonly ModuleSyntax module;

    // The searches below never nest, so they share one stack and one name set instead of allocating them per expression.
    private readonly Stack<Node> scratch = new();
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private readonly Stack<List<FlowEvent>> spare = new();

    private FunctionSummarizer(ModuleSyntax module)
    {
        this.module = module;
    }

    /// <summary>Summarises every function of the file and every body the module tables refer to.</summary>
    public static void Summarize(ModuleSyntax module)
    {
        var summarizer = new FunctionSummarizer(module);

        // One walk of the whole file in the walk's own order reaches every function: expressions inline, declarations
        // on their own. What it does not reach (functions inside binding patterns, resolver handlers that are not
        // functions) is summarised from the bodies the tables asked for.
        summarizer.Visit([], module.Program, isRoot: true);
        List<KeyValuePair<Node, FunctionSummary>> pending;
        while ((pending = [.. module.Summaries.Where(b => !b.Value.Summarised)]).Count > 0)
        {
            foreach (var (node, body) in pending)
            {
                summarizer.Summarise(node, body);
            }
        }
    }

    private void Summarise(Node node, FunctionSummary body)
    {
        body.Summarised = true;
        var (parameters, root) = node switch
        {
            FunctionDeclaration f => (f.Params, (Node)f.Body),
            FunctionExpression f => (f.Params, f.Body),
            ArrowFunctionExpression f => (f.Params, f.Body),
            var other => (default(NodeList<Node>), other),
        };
        var bound = new string[Math.Min(parameters.Count, 32)][];
        var events = Rent();
        for (var i = 0; i < parameters.Count; i++)
        {
            if (i < bound.Length)
            {
                bound[i] = [.. PatternNames(parameters[i], skipContext: true)];
            }

            Visit(events, parameters[i]);
        }

        body.Parameters = bound;
        body.ParameterEvents = [.. events];
        events.Clear();
        Visit(events, root, isRoot: true);
        body.Events = [.. events];
        Return(events);
    }

    // Summaries nest (a callback inside a function), so event buffers are kept on a stack and reused.
    private List<FlowEvent> Rent() => spare.Count > 0 ? spare.Pop() : [];

    private void Return(List<FlowEvent> events)
    {
        events.Clear();
        spare.Push(events);
    }

    private void Visit(List<FlowEvent> events, Node node, bool isRoot = false)
    {
        ModuleBuilder.GuardStack();
        switch (node)
        {
            case FunctionDeclaration when !isRoot:
                EnsureSummarised(node);
                return;
            case FunctionExpression or ArrowFunctionExpression when !isRoot:
                if (EnsureSummarised(node) is { } inline && (inline.Events.Length > 0 || inline.ParameterEvents.Length > 0))
                {
                    events.Add(new InlineEvent(inline));
                }

                return;
            case VariableDeclarator declarator:
                if (declarator.Init is { } init)
                {
                    Visit(events, init);
                    var references = References(init);
                    var auth = Auth(init);
                    if (references.Length > 0 || auth != Never)
                    {
                        events.Add(new BindEvent(references, auth, [.. PatternNames(declarator.Id, skipContext: true)], [.. PatternNames(declarator.Id, skipContext: false)]));
                    }
                }

                return;
            case AssignmentExpression { Left: Identifier target } assignment:
                Visit(events, assignment.Right);
                if (References(assignment.Right) is { Length: > 0 } right)
                {
                    events.Add(new AssignEvent(target.Name, right));
                }

                return;
            case BinaryExpression { Operator: Operator.StrictEquality or Operator.Equality or Operator.StrictInequality or Operator.Inequality } comparison:
                VisitChildren(events, comparison);
                var left = Auth(comparison.Left);
                var rightAuth = Auth(comparison.Right);
                if (left != Never || rightAuth != Never)
                {
                    events.Add(new CompareEvent(left, comparison.Left is Literal, rightAuth, comparison.Right is Literal));
                }

                return;
            case CallExpression call:
                VisitChildren(events, call);
                if (Site(call) is { } site)
                {
                    events.Add(new CallEvent(site));
                }

                return;
            default:
                VisitChildren(events, node);
                return;
        }
    }

    private void VisitChildren(List<FlowEvent> events, Node node)
    {
        foreach (var child in node.ChildNodes)
        {
            Visit(events, child);
        }
    }

    private FunctionSummary EnsureSummarised(Node function)
    {
        var body = module.SummaryFor(function);
        if (!body.Summarised)
        {
            Summarise(function, body);
        }

        return body;
    }

    /// <summary>What the walk needs of a call, or null when the walk could do nothing with it.</summary>
    private CallSite? Site(CallExpression call)
    {
        var calleeName = ForgeApi.CalleeName(call);
        var outbound = ForgeApi.OutboundRequest(call, module);
        var arguments = call.Arguments;
        var callee = Callee(call);
        var callbacks = Callbacks(arguments);
        var site = new CallSite(ModuleSyntax.Spot(call))
        {
            IsAuthorize = ForgeApi.IsAuthorizeCall(call, module),
            IsVerify = calleeName is not null && VerifyFunctions.Contains(calleeName),
            Product = ForgeApi.AsProductCall(call, module)?.Call,
            Storage = ForgeApi.StorageAccess(call, module),
            IsGetSecret = calleeName == "getSecret",
            IsOutbound = outbound is not null,
            UrlReferences = outbound is var (url, _) ? References(url) : [],
            UrlHasFixedOrigin = outbound is var (fixedUrl, _) && HasFixedOrigin(fixedUrl),
            OutboundMethod = outbound is var (_, options) ? Constants.StringValue(ForgeApi.Property(options, "method"), module)?.ToUpperInvariant() : null,
            IsSqlWrite = ForgeApi.ForgeSqlText(call, module) is { } sql
                && Constants.Pattern(sql, module)?.TrimStart().Split(' ', 2)[0].ToUpperInvariant() is "INSERT" or "UPDATE" or "DELETE" or "REPLACE",
            // Which arguments carry input matters only when the walk can enter the callee.
            ArgumentReferences = callee == CalleeShape.None ? [] : ArgumentReferences(arguments),
            IdentifierArguments = callbacks,
            Callee = callee,
        };
        var inert = !site.IsAuthorize && !site.IsVerify && site.Product is null && site.Storage is null && !site.IsOutbound && !site.IsSqlWrite
            && callee == CalleeShape.None && callbacks.Length == 0;
        return inert ? null : site;
    }

    /// <summary>Arguments passed by name that may be app functions (callbacks the walk follows).</summary>
    private string[] Callbacks(in NodeList<Expression> arguments)
    {
        List<string>? names = null;
        foreach (var argument in arguments)
        {
            if (argument is Identifier id && MayBeAppCode(id.Name))
            {
                (names ??= []).Add(id.Name);
            }
        }

        return names is null ? [] : [.. names];
    }

    private string[][] ArgumentReferences(in NodeList<Expression> arguments)
    {
        var references = new string[Math.Min(arguments.Count, 32)][];
        for (var i = 0; i < references.Length; i++)
        {
            references[i] = References(arguments[i]);
        }

        return references;
    }

    /// <summary>
    /// The callee's shape when it can lead into the app's own code, else <see cref="CalleeShape.None"/>. Resolution
    /// starts in this module's tables, which are complete by now: a name in none of them, or imported from a package,
    /// never resolves to an app function, so such calls (<c>items.push</c>, <c>JSON.stringify</c>, <c>api.asApp</c>)
    /// are not kept for the walk.
    /// </summary>
    private CalleeShape Callee(CallExpression call)
    {
        switch (ForgeApi.Unwrap(call.Callee))
        {
            case Identifier id when MayBeAppCode(id.Name):
                return new NamedCallee(id.Name);
            case MemberExpression { Computed: false, Object: ThisExpression, Property: Identifier method } when module.Module.Methods.ContainsKey(method.Name):
                return new ThisMethodCallee(method.Name);
            case MemberExpression { Computed: false, Object: Identifier owner, Property: Identifier method }:
                var constructedFrom = module.AllBindings.TryGetValue(owner.Name, out var init)
                    && ForgeApi.Unwrap((Expression)init) is NewExpression { Callee: Identifier className } ? className.Name : null;
                return MayBeAppCode(owner.Name) || (constructedFrom is not null && MayBeAppCode(constructedFrom))
                    ? new MemberCallee(owner.Name, method.Name, constructedFrom)
                    : CalleeShape.None;
            default:
                return CalleeShape.None;
        }
    }

    /// <summary>
    /// False when <see cref="CodeModel.ResolveName"/> cannot return an app function for the name (nor anything whose
    /// member is one): not bound at module level, or imported from a package rather than a relative path.
    /// </summary>
    private bool MayBeAppCode(string name)
    {
        var tables = module.Module;
        if (tables.Imports.TryGetValue(name, out var import))
        {
            return import.Source.StartsWith('.');
        }

        return tables.ResolverDefines.ContainsKey(name) || tables.Locals.ContainsKey(name) || tables.AllFunctions.ContainsKey(name);
    }

    /// <summary>True when the URL's scheme and host are constants followed by a path separator, so input can only pick the path.</summary>
    private bool HasFixedOrigin(Node url)
    {
        var pattern = Constants.Pattern(url, module);
        if (pattern is null || pattern.StartsWith("{}", StringComparison.Ordinal))
        {
            return false;
        }

        return FixedOrigin.IsMatch(pattern);
    }

    /// <summary>
    /// The names an expression reads as variables: not property names, not <c>req.context</c> (set by the platform,
    /// not the caller), not inside nested functions. Input reaches the expression when one of them is tainted.
    /// </summary>
    private string[] References(Node node)
    {
        names.Clear();
        var stack = scratch;
        stack.Clear();
        stack.Push(node);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case Identifier id:
                    names.Add(id.Name);
                    continue;
                case MemberExpression { Computed: false, Property: Identifier { Name: "context" } }:
                    continue;
                case MemberExpression { Computed: false } member:
                    stack.Push(member.Object);
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

        return names.Count == 0 ? [] : [.. names];
    }

    /// <summary>Whether a value carries the caller's credential or the app's secret: request headers, process.env, getSecret(), or a name that does.</summary>
    private AuthSource Auth(Node node)
    {
        names.Clear();
        var stack = scratch;
        stack.Clear();
        stack.Push(node);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case Identifier id:
                    names.Add(id.Name);
                    continue;
                case MemberExpression { Computed: false, Property: Identifier { Name: "headers" or "env" } }:
                    return Always;
                case CallExpression call when ForgeApi.CalleeName(call) is "getSecret":
                    return Always;
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

        return names.Count == 0 ? Never : new AuthSource(false, [.. names]);
    }

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
}
