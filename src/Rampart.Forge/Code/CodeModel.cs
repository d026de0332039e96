using System.Collections.Concurrent;
using Acornima.Ast;

namespace Rampart.Forge.Code;

/// <summary>All modules of an app and name resolution across them (imports, re-exports, CommonJS, resolvers).</summary>
public sealed class CodeModel
{
    private static readonly string[] Extensions = [".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"];
    private readonly Dictionary<string, JsModule> modules;

    // The walk resolves the same import of the same module once per call through it; path arithmetic allocates, so the
    // answer (fixed once the modules are) is kept. Concurrent: the entry finder, the walk and the file checks may share it.
    private readonly ConcurrentDictionary<(JsModule From, string Specifier), JsModule?> resolvedImports = new();

    public CodeModel(IEnumerable<JsModule> modules)
    {
        this.modules = modules.ToDictionary(m => m.Path, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<JsModule> Modules => modules.Values;

    public int TotalLines => modules.Values.Sum(m => m.LineCount);

    /// <summary>Finds the module a manifest handler path names (<c>src/index</c> for <c>index.run</c>).</summary>
    public JsModule? FindModule(string pathWithoutExtension)
    {
        foreach (var candidate in Candidates(pathWithoutExtension))
        {
            if (modules.TryGetValue(candidate, out var module))
            {
                return module;
            }
        }

        return null;
    }

    public JsModule? ResolveImport(JsModule from, string specifier)
    {
        if (!specifier.StartsWith('.'))
        {
            return null;
        }

        var key = (from, specifier);
        if (!resolvedImports.TryGetValue(key, out var resolved))
        {
            resolved = ResolveRelative(from, specifier);
            resolvedImports.TryAdd(key, resolved);
        }

        return resolved;
    }

    private JsModule? ResolveRelative(JsModule from, string specifier)
    {
        var directory = Path.GetDirectoryName(from.Path)?.Replace('\\', '/') ?? string.Empty;
        var combined = Normalise(directory.Length == 0 ? specifier : directory + "/" + specifier);
        if (combined is null)
        {
            return null;
        }

        if (modules.TryGetValue(combined, out var exact))
        {
            return exact;
        }

        // TypeScript ESM imports name the emitted file: './x.js' means './x.ts'.
        var stem = Extensions.Any(e => combined.EndsWith(e, StringComparison.Ordinal)) ? combined[..combined.LastIndexOf('.')] : combined;
        return FindModule(stem);
    }

    public Symbol? ResolveName(JsModule module, string name, int depth = 0)
    {
        if (depth > 24)
        {
            return null;
        }

        if (module.Imports.TryGetValue(name, out var import))
        {
            return ResolveImportBinding(module, import, depth + 1);
        }

        if (module.ResolverDefines.ContainsKey(name))
        {
            return new ResolverSymbol(module, name);
        }

        if (module.Locals.TryGetValue(name, out var value) || module.AllFunctions.TryGetValue(name, out value))
        {
            return ResolveExpression(module, value, depth + 1, name);
        }

        return null;
    }

    public Symbol? ResolveExport(JsModule module, string name, int depth = 0)
    {
        if (depth > 24)
        {
            return null;
        }

        if (name == "*")
        {
            return new ModuleSymbol(module);
        }

        if (module.Exports.TryGetValue(name, out var node))
        {
            return node is Identifier id
                ? ResolveName(module, id.Name, depth + 1)
                : ResolveExpression(module, node, depth + 1, name);
        }

        if (module.ReExports.TryGetValue(name, out var reExport))
        {
            return ResolveImportBinding(module, reExport, depth + 1);
        }

        foreach (var star in module.StarExports)
        {
            if (ResolveImport(module, star) is { } target && ResolveExport(target, name, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    public Symbol? ResolveExpression(JsModule module, Node? node, int depth = 0, string? name = null)
    {
        if (depth > 24 || node is null)
        {
            return null;
        }

        switch (node)
        {
            case FunctionDeclaration or FunctionExpression or ArrowFunctionExpression:
                return new FunctionSymbol(module, node, name ?? FunctionName(node));
            case ClassDeclaration cls:
                return new ClassSymbol(module, cls);
            case ObjectExpression obj:
                return new ObjectSymbol(module, obj);
            case Identifier id:
                return ResolveName(module, id.Name, depth + 1);
            case CallExpression { Callee: MemberExpression { Object: Identifier target, Property: Identifier { Name: "getDefinitions" } } }:
                return ResolveName(module, target.Name, depth + 1) is ResolverSymbol resolver ? new ResolverDefinitionsSymbol(resolver) : null;
            case CallExpression { Callee: Identifier { Name: "require" } } require when require.Arguments.Count == 1 && require.Arguments[0] is StringLiteral source:
                return ResolveImportBinding(module, new ImportBinding(source.Value, "default"), depth + 1);
            case MemberExpression { Computed: false, Property: Identifier property } member:
                return ResolveMember(ResolveExpression(module, member.Object, depth + 1), property.Name, depth + 1);
            case NewExpression { Callee: Identifier resolverClass } when module.IsImportFrom(resolverClass.Name, "@forge/resolver"):
                return null;
            case AwaitExpression await:
                return ResolveExpression(module, await.Argument, depth + 1, name);
            default:
                return null;
        }
    }

    public Symbol? ResolveMember(Symbol? owner, string member, int depth = 0) => owner switch
    {
        ModuleSymbol m => ResolveExport(m.Module, member, depth + 1),
        ObjectSymbol o => o.Object.Properties.OfType<Property>()
            .Where(p => ModuleBuilder.Name(p.Key) == member)
            .Select(p => p.Shorthand && p.Value is Identifier id ? ResolveName(o.Module, id.Name, depth + 1) : ResolveExpression(o.Module, p.Value, depth + 1, member))
            .FirstOrDefault(),
        ClassSymbol c => c.Class.Body.Body.OfType<MethodDefinition>()
            .Where(m => ModuleBuilder.Name(m.Key) == member)
            .Select(m => (Symbol)new FunctionSymbol(c.Module, m.Value, member))
            .FirstOrDefault(),
        ExternalSymbol e => new ExternalSymbol(e.Package, member),
        _ => null,
    };

    private Symbol? ResolveImportBinding(JsModule from, ImportBinding import, int depth)
    {
        var target = ResolveImport(from, import.Source);
        if (target is null)
        {
            return new ExternalSymbol(import.Source, import.Imported);
        }

        if (import.Imported == "default" && !target.Exports.ContainsKey("default") && !target.ReExports.ContainsKey("default"))
        {
            // `import x from './cjs'` or `const x = require('./esm')`: the module's exports as an object.
            return new ModuleSymbol(target);
        }

        return ResolveExport(target, import.Imported, depth + 1);
    }

    private static string FunctionName(Node node) => node switch
    {
        FunctionDeclaration { Id: { } id } => id.Name,
        FunctionExpression { Id: { } id } => id.Name,
        _ => "(anonymous)",
    };

    private static IEnumerable<string> Candidates(string stem)
    {
        yield return stem;
        foreach (var extension in Extensions)
        {
            yield return stem + extension;
        }

        foreach (var extension in Extensions)
        {
            yield return stem + "/index" + extension;
        }
    }

    private static string? Normalise(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }
}
