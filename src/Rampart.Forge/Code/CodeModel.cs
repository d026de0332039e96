using System.Collections.Concurrent;

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

        if (module.Exports.TryGetValue(name, out var value))
        {
            return value is NameValue local
                ? ResolveName(module, local.Name, depth + 1)
                : ResolveExpression(module, value, depth + 1, name);
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

    public Symbol? ResolveExpression(JsModule module, JsValue? value, int depth = 0, string? name = null)
    {
        if (depth > 24 || value is null)
        {
            return null;
        }

        return value switch
        {
            FunctionValue function => new FunctionSymbol(module, function.Body, name ?? function.Body.Name),
            ClassValue cls => new ClassSymbol(module, cls),
            ObjectValue obj => new ObjectSymbol(module, obj),
            NameValue reference => ResolveName(module, reference.Name, depth + 1),
            DefinitionsValue definitions => ResolveName(module, definitions.Resolver, depth + 1) is ResolverSymbol resolver ? new ResolverDefinitionsSymbol(resolver) : null,
            RequireValue require => ResolveImportBinding(module, new ImportBinding(require.Source, "default"), depth + 1),
            MemberValue member => ResolveMember(ResolveExpression(module, member.Owner, depth + 1), member.Property, depth + 1),
            AwaitValue await => ResolveExpression(module, await.Argument, depth + 1, name),
            _ => null,
        };
    }

    public Symbol? ResolveMember(Symbol? owner, string member, int depth = 0) => owner switch
    {
        ModuleSymbol m => ResolveExport(m.Module, member, depth + 1),
        ObjectSymbol o => ResolveProperty(o, member, depth),
        ClassSymbol c => c.Class.Methods.Where(m => m.Name == member).Select(m => (Symbol)new FunctionSymbol(c.Module, m.Body, member)).FirstOrDefault(),
        ExternalSymbol e => new ExternalSymbol(e.Package, member),
        _ => null,
    };

    /// <summary>The first property of that name decides, even when it resolves to nothing.</summary>
    private Symbol? ResolveProperty(ObjectSymbol owner, string member, int depth)
    {
        foreach (var property in owner.Object.Properties)
        {
            if (property.Key == member)
            {
                return property.ShorthandName is { } shorthand
                    ? ResolveName(owner.Module, shorthand, depth + 1)
                    : ResolveExpression(owner.Module, property.Value, depth + 1, member);
            }
        }

        return null;
    }

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
