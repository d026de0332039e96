using Rampart.Catalog;
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
/// It walks the <see cref="FunctionSummary"/> event lists the per-file pass recorded, not syntax trees.
/// Like FSRT this is a may-analysis over source order, not a control-flow graph: a check anywhere before the call
/// on the walked path counts, even inside an <c>if</c>. Unlike FSRT, only an actual comparison or verification of a
/// header- or secret-derived value counts as web-trigger authentication, not any read of the environment or storage.
/// </remarks>
public sealed class CallGraphAnalyzer(CodeModel model)
{
    // Keyed by what changes the outcome, not by entry: a function reached from many entries in the same state is walked
    // once (its findings keep the first path that reached them), which keeps the analysis linear in the code size.
    private readonly Dictionary<(FunctionSummary, bool, bool, uint, EntryKind, bool), (bool Checked, bool Authenticated)> memo = [];
    private readonly HashSet<FunctionSummary> onStack = [];
    private readonly List<string> path = [];
    private readonly List<ForgeFinding> findings = [];
    private readonly HashSet<(string, string)> reported = [];
    private readonly HashSet<EntryPoint> rovoReported = [];

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

        ModuleBuilder.GuardStack();
        FunctionsVisited++;
        var flow = new Flow(entry, function.Module) { Guarded = guarded, Authenticated = authenticated };
        var parameters = function.Function.Parameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            if ((taint & (1u << i)) != 0)
            {
                flow.Tainted.UnionWith(parameters[i]);
            }
        }

        Run(flow, function.Function.Events);
        onStack.Remove(function.Function);
        var result = (flow.CheckSeen, flow.AuthSeen);
        memo[key] = result;
        return result;
    }

    private void Run(Flow flow, FlowEvent[] events)
    {
        foreach (var step in events)
        {
            switch (step)
            {
                case CallEvent call:
                    HandleCall(flow, call.Call);
                    break;
                case BindEvent bind:
                    if (References(bind.InitReferences, flow.Tainted))
                    {
                        flow.Tainted.UnionWith(bind.TaintTargets);
                    }

                    if (bind.InitAuth.Holds(flow.AuthDerived))
                    {
                        flow.AuthDerived.UnionWith(bind.AuthTargets);
                    }

                    break;
                case AssignEvent assign:
                    if (References(assign.RightReferences, flow.Tainted))
                    {
                        flow.Tainted.Add(assign.Target);
                    }

                    break;
                case CompareEvent compare:
                    if ((compare.Left.Holds(flow.AuthDerived) && !compare.RightIsLiteral) || (compare.Right.Holds(flow.AuthDerived) && !compare.LeftIsLiteral))
                    {
                        flow.Authenticate();
                    }

                    break;
                case InlineEvent inline:
                    ModuleBuilder.GuardStack();
                    Run(flow, inline.Function.ParameterEvents);
                    Run(flow, inline.Function.Events);
                    break;
            }
        }
    }

    private void HandleCall(Flow flow, CallSite call)
    {
        var module = flow.Module;
        var entry = flow.Entry;
        if (call.IsAuthorize)
        {
            flow.Check();
        }

        if (call.IsVerify)
        {
            flow.Authenticate();
        }

        if (call.Product is { } product)
        {
            if (product.IsPermissionCheck)
            {
                flow.Check();
            }
            else if (product.AsApp)
            {
                if (entry.Kind == EntryKind.UserInvoked && !flow.Guarded)
                {
                    Report(ForgeChecks.AuthorizationBypass, module, call.Spot, $"asApp().{product.Api}({product.Route ?? "?"}) without a permission check");
                }

                if (entry.Kind == EntryKind.WebTrigger && !flow.Authenticated)
                {
                    Report(ForgeChecks.UnauthenticatedWebTrigger, module, call.Spot, $"asApp().{product.Api}({product.Route ?? "?"}) reached without authenticating the caller");
                }
            }

            if (entry.ReadOnlyRovoAction && product.Writes)
            {
                ReportRovo(entry, module, call.Spot, $"{product.Method} {product.Route ?? "?"}");
            }
        }

        if (call.Storage is { } access)
        {
            // Reading the app's own secret is how a handler authenticates; it exposes nothing to the caller.
            if (entry.Kind == EntryKind.WebTrigger && !flow.Authenticated && !call.IsGetSecret)
            {
                Report(ForgeChecks.UnauthenticatedWebTrigger, module, call.Spot, $"app storage {access} reached without authenticating the caller");
            }

            if (access == "write" && entry.ReadOnlyRovoAction)
            {
                ReportRovo(entry, module, call.Spot, "storage write");
            }
        }

        if (call.IsOutbound)
        {
            if (entry.Kind != EntryKind.AppEvent && References(call.UrlReferences, flow.Tainted) && !call.UrlHasFixedOrigin)
            {
                Report(ForgeChecks.Ssrf, module, call.Spot, "the request URL's host comes from the caller's input");
            }

            if (entry.ReadOnlyRovoAction && call.OutboundMethod is { } method && method is not "GET" and not "HEAD" and not "OPTIONS")
            {
                ReportRovo(entry, module, call.Spot, $"outbound {method}");
            }
        }

        if (entry.ReadOnlyRovoAction && call.IsSqlWrite)
        {
            ReportRovo(entry, module, call.Spot, "Forge SQL write");
        }

        // Follow calls into the app's own functions, and functions passed as callbacks.
        var taint = 0u;
        for (var i = 0; i < call.ArgumentReferences.Length; i++)
        {
            if (References(call.ArgumentReferences[i], flow.Tainted))
            {
                taint |= 1u << i;
            }
        }

        if (ResolveCallee(call.Callee, module) is FunctionSymbol target)
        {
            Enter(flow, target, taint);
        }

        foreach (var argument in call.IdentifierArguments)
        {
            if (model.ResolveName(module, argument, depth: 1) is FunctionSymbol callback)
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

    private Symbol? ResolveCallee(CalleeShape callee, JsModule module)
    {
        switch (callee)
        {
            case NamedCallee named:
                return model.ResolveName(module, named.Name);
            case ThisMethodCallee own:
                return module.Methods.TryGetValue(own.Method, out var body) ? new FunctionSymbol(module, body, own.Method) : null;
            case MemberCallee member:
                var symbol = model.ResolveMember(model.ResolveName(module, member.Owner), member.Method);
                if (symbol is null && member.ConstructedFrom is { } className)
                {
                    symbol = model.ResolveMember(model.ResolveName(module, className), member.Method);
                }

                return symbol;
            default:
                return null;
        }
    }

    private void Report(CheckRecord check, JsModule module, SourceSpot spot, string what)
    {
        var location = module.Where(spot);
        if (reported.Add((check.Id, location)))
        {
            findings.Add(new ForgeFinding(check, location, $"{EvidenceText.Redact(module.Excerpt(spot.Start))} — {what}; path: {PathText()}"));
        }
    }

    /// <summary>The call path for evidence; a long chain keeps its first and last hops so reports stay readable.</summary>
    private string PathText() => path.Count <= 8
        ? string.Join(" → ", path)
        : $"{string.Join(" → ", path.Take(4))} → … {path.Count - 8} more … → {string.Join(" → ", path.Skip(path.Count - 4))}";

    private void ReportRovo(EntryPoint entry, JsModule module, SourceSpot spot, string what)
    {
        if (rovoReported.Add(entry))
        {
            Report(ForgeChecks.RovoActionVerb, module, spot, $"{what} in a Rovo action declared with actionVerb GET");
        }
    }

    /// <summary>True when one of the names an expression reads holds input.</summary>
    private static bool References(string[] names, HashSet<string> tainted) => NameSets.AnyIn(names, tainted);

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
