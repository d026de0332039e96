using Rampart.Forge.Code;
using Rampart.Forge.Manifest;

namespace Rampart.Forge.Analysis;

/// <summary>
/// Finds the code the platform invokes: every module's <c>function</c> (and nested <c>config/edit/...function</c>) and
/// <c>resolver.function</c>, through the function module's <c>file.export</c> handler, to a function or to each
/// <c>resolver.define</c> handler. Unlike FSRT, every module type counts (Bitbucket, <c>jira:uiModifications</c>,
/// admin pages, Rovo actions), and triggers, scheduled triggers and consumers are entry points too (as app events).
/// </summary>
public static class EntryPointFinder
{
    private static readonly HashSet<string> AppEventModules = new(StringComparer.Ordinal)
    {
        "trigger", "scheduledTrigger", "consumer", "jira:workflowPostFunction", "jira:customFieldType", "jira:jqlFunction",
    };

    public static IReadOnlyList<EntryPoint> Find(ForgeManifest manifest, CodeModel model)
    {
        var entries = new List<EntryPoint>();
        var seen = new HashSet<(FunctionSummary, EntryKind, bool)>();
        foreach (var module in manifest.Modules)
        {
            var kind = module.Type == "webtrigger" ? EntryKind.WebTrigger : AppEventModules.Contains(module.Type) ? EntryKind.AppEvent : EntryKind.UserInvoked;
            var readOnlyRovo = module.Type == "action" && string.Equals(module.ActionVerb, "GET", StringComparison.OrdinalIgnoreCase);
            var keys = module.FunctionRefs.Select(k => (Key: k, Resolver: false)).ToList();
            if (module.ResolverFunction is { } resolver)
            {
                keys.Add((resolver, true));
            }

            foreach (var (key, viaResolver) in keys)
            {
                var function = manifest.Function(key) ?? throw new ForgeInputException(
                    $"{module.Position.In(manifest.FileName)}: module '{module.Key}' ({module.Type}) uses function '{key}', which modules.function does not declare");
                var label = $"{module.Type} '{module.Key}'{(viaResolver ? " resolver" : string.Empty)}";
                foreach (var entry in Expand(manifest, model, function, label, kind, readOnlyRovo))
                {
                    if (seen.Add((entry.Body, entry.Kind, entry.ReadOnlyRovoAction)))
                    {
                        entries.Add(entry);
                    }
                }
            }
        }

        return entries;
    }

    private static IEnumerable<EntryPoint> Expand(ForgeManifest manifest, CodeModel model, ForgeFunction function, string label, EntryKind kind, bool readOnlyRovo)
    {
        var where = function.Position.In(manifest.FileName);
        var dot = function.Handler.LastIndexOf('.');
        if (dot <= 0 || dot == function.Handler.Length - 1)
        {
            throw new ForgeInputException($"{where}: handler '{function.Handler}' of function '{function.Key}' is not <file>.<export>");
        }

        var file = function.Handler[..dot];
        var export = function.Handler[(dot + 1)..];
        var module = model.FindModule("src/" + file) ?? model.FindModule(file) ?? throw new ForgeInputException(
            $"{where}: handler '{function.Handler}' of function '{function.Key}': no src/{file}.ts, .tsx, .js or .jsx in the app");
        var symbol = model.ResolveExport(module, export) ?? throw new ForgeInputException(
            $"{where}: handler '{function.Handler}': {module.Path} exports no '{export}'");
        switch (symbol)
        {
            case FunctionSymbol fn:
                yield return new EntryPoint($"{label} → {function.Handler}", kind, fn.Module, fn.Function, readOnlyRovo);
                break;
            case ResolverDefinitionsSymbol definitions:
                var resolverModule = definitions.Resolver.Module;
                foreach (var definition in resolverModule.ResolverDefines[definitions.Resolver.Variable])
                {
                    var target = model.ResolveExpression(resolverModule, definition.Handler) as FunctionSymbol;
                    yield return new EntryPoint($"{label} → resolver '{definition.Name}'", kind, target?.Module ?? resolverModule,
                        target?.Function ?? definition.HandlerSummary, readOnlyRovo);
                }

                break;
            default:
                throw new ForgeInputException($"{where}: handler '{function.Handler}': the export '{export}' of {module.Path} is not a function or resolver definitions");
        }
    }
}
