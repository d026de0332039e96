using Acornima.Ast;
using Rampart.Forge.Code;

namespace Rampart.Forge.Analysis;

/// <summary>Recognises Forge and Node.js APIs in call expressions, using the module's imports to know what a name is.</summary>
public static class ForgeApi
{
    private static readonly Dictionary<string, string> ProductApis = new(StringComparer.Ordinal)
    {
        ["requestJira"] = "jira",
        ["requestConfluence"] = "confluence",
        ["requestBitbucket"] = "bitbucket",
        ["requestGraph"] = "graph",
    };

    private static readonly string[] ForgeApiPackages = ["@forge/api"];
    private static readonly string[] ChildProcessPackages = ["child_process", "node:child_process"];
    private static readonly string[] ChildProcessFunctions = ["exec", "execSync", "execFile", "execFileSync", "spawn", "spawnSync", "fork"];
    private static readonly string[] StorageReads = ["get", "getSecret", "query", "getMany"];
    private static readonly string[] StorageWrites = ["set", "setSecret", "delete", "deleteSecret", "transact"];
    private static readonly string[] HttpClientMethods = ["get", "post", "put", "patch", "delete", "head", "request"];

    public static Expression Unwrap(Expression expression) => expression switch
    {
        ChainExpression chain => Unwrap(chain.Expression),
        AwaitExpression await => Unwrap(await.Argument),
        _ => expression,
    };

    public static string? CalleeName(CallExpression call) => Unwrap(call.Callee) switch
    {
        Identifier id => id.Name,
        MemberExpression { Computed: false, Property: Identifier property } => property.Name,
        _ => null,
    };

    /// <summary>A product REST API call and its options object (resolved through a name), or null when the call is not one.</summary>
    public static (ProductCall Call, Node? Options)? AsProductCall(CallExpression call, ModuleSyntax module)
    {
        var callee = Unwrap(call.Callee);
        bool asApp;
        string api;
        switch (callee)
        {
            case MemberExpression { Computed: false, Property: Identifier property } member when ProductApis.ContainsKey(property.Name):
                api = property.Name;
                var principal = Principal(Unwrap(member.Object), module, 0);
                if (principal is null)
                {
                    return null;
                }

                asApp = principal == "asApp";
                break;
            case Identifier id when ProductApis.ContainsKey(id.Name) && module.IsImportFrom(id.Name, "@forge/bridge", "@forge/api"):
                // Named requestJira from @forge/bridge runs as the user; from @forge/api it is asUser too.
                api = id.Name;
                asApp = false;
                break;
            default:
                return null;
        }

        var route = call.Arguments.Count > 0 ? Constants.Pattern(call.Arguments[0], module) : null;
        var options = call.Arguments.Count > 1 ? Resolve(call.Arguments[1], module) : null;
        var method = Property(options, "method") is { } methodNode && Constants.StringValue(methodNode, module) is { } m ? m.ToUpperInvariant() : "GET";
        return (new ProductCall(asApp, api, ProductApis[api], route, method), options);
    }

    /// <summary>"asApp" or "asUser" when the expression is <c>asApp()</c>, <c>api.asApp()</c> or a variable holding one.</summary>
    private static string? Principal(Expression expression, ModuleSyntax module, int depth) => expression switch
    {
        CallExpression { Callee: Identifier { Name: "asApp" or "asUser" } id } when module.ImportsPackage("@forge/api") || module.IsImportFrom(id.Name, ForgeApiPackages) => id.Name,
        CallExpression { Callee: MemberExpression { Computed: false, Property: Identifier { Name: "asApp" or "asUser" } property } } => property.Name,
        Identifier alias when depth < 3 && module.AllBindings.TryGetValue(alias.Name, out var init) => Principal(Unwrap((Expression)init), module, depth + 1),
        _ => null,
    };

    /// <summary>The Forge authorize API (<c>authorize().onJira(...)</c>) counts as a permission check.</summary>
    public static bool IsAuthorizeCall(CallExpression call, ModuleSyntax module) => Unwrap(call.Callee) switch
    {
        Identifier { Name: "authorize" } id => module.IsImportFrom(id.Name, "@forge/api", "@forge/bridge") || module.ImportsPackage("@forge/api"),
        MemberExpression { Computed: false, Property: Identifier { Name: "authorize" }, Object: Identifier owner } => module.IsImportFrom(owner.Name, "@forge/api"),
        _ => false,
    };

    /// <summary>Forge storage (<c>storage</c> from @forge/api, <c>kvs</c> from @forge/kvs, entity stores): null, "read" or "write".</summary>
    public static string? StorageAccess(CallExpression call, ModuleSyntax module)
    {
        if (Unwrap(call.Callee) is not MemberExpression { Computed: false, Property: Identifier method } member)
        {
            return null;
        }

        var isStore = Unwrap(member.Object) switch
        {
            Identifier owner => module.Imports.TryGetValue(owner.Name, out var binding)
                && ((binding.Source == "@forge/api" && binding.Imported is "storage" or "properties") || (binding.Source == "@forge/kvs" && binding.Imported is "kvs" or "default")),
            CallExpression { Callee: MemberExpression { Property: Identifier { Name: "entity" }, Object: Identifier store } } => module.IsImportFrom(store.Name, "@forge/api", "@forge/kvs"),
            MemberExpression { Property: Identifier { Name: "storage" }, Object: Identifier api } => module.IsImportFrom(api.Name, "@forge/api"),
            _ => false,
        };
        if (!isStore)
        {
            return null;
        }

        return StorageWrites.Contains(method.Name) ? "write" : StorageReads.Contains(method.Name) ? "read" : null;
    }

    /// <summary>The URL argument of an outbound HTTP call (<c>fetch</c>, <c>api.fetch</c>, axios), or null when it is not one.</summary>
    public static (Node Url, Node? Options)? OutboundRequest(CallExpression call, ModuleSyntax module)
    {
        if (call.Arguments.Count == 0)
        {
            return null;
        }

        var isRequest = Unwrap(call.Callee) switch
        {
            Identifier { Name: "fetch" or "forgeFetch" } => true,
            Identifier axios when module.IsImportFrom(axios.Name, "axios", "node-fetch", "got") => true,
            MemberExpression { Computed: false, Property: Identifier { Name: "fetch" or "forgeFetch" }, Object: Identifier api } => module.IsImportFrom(api.Name, "@forge/api"),
            MemberExpression { Computed: false, Property: Identifier verb, Object: Identifier client } =>
                HttpClientMethods.Contains(verb.Name) && module.IsImportFrom(client.Name, "axios", "got"),
            _ => false,
        };
        return isRequest ? (call.Arguments[0], call.Arguments.Count > 1 ? Resolve(call.Arguments[1], module) : null) : null;
    }

    public static bool IsChildProcessCall(CallExpression call, ModuleSyntax module) => Unwrap(call.Callee) switch
    {
        Identifier id => module.Imports.TryGetValue(id.Name, out var binding) && ChildProcessPackages.Contains(binding.Source) && ChildProcessFunctions.Contains(binding.Imported),
        MemberExpression { Computed: false, Property: Identifier method, Object: Identifier owner } =>
            ChildProcessFunctions.Contains(method.Name) && module.IsImportFrom(owner.Name, ChildProcessPackages),
        MemberExpression { Computed: false, Property: Identifier method, Object: CallExpression { Callee: Identifier { Name: "require" } } require } =>
            ChildProcessFunctions.Contains(method.Name) && require.Arguments.Count == 1 && require.Arguments[0] is StringLiteral { Value: "child_process" or "node:child_process" },
        _ => false,
    };

    /// <summary>Code evaluation: <c>eval(x)</c>, <c>Function(x)</c>, <c>vm.runIn*Context(x)</c>, <c>new vm.Script(x)</c>; returns the code argument.</summary>
    public static Node? EvaluatedCode(Node node, ModuleSyntax module)
    {
        switch (node)
        {
            case CallExpression { Callee: Identifier { Name: "eval" or "Function" } } call when call.Arguments.Count > 0:
                return call.Arguments[^1];
            case NewExpression { Callee: Identifier { Name: "Function" } } created when created.Arguments.Count > 0:
                return created.Arguments[^1];
            case CallExpression { Callee: MemberExpression { Computed: false, Property: Identifier { Name: "runInNewContext" or "runInThisContext" or "runInContext" or "compileFunction" }, Object: Identifier vm } } call
                when call.Arguments.Count > 0 && module.IsImportFrom(vm.Name, "vm", "node:vm"):
                return call.Arguments[0];
            case NewExpression { Callee: MemberExpression { Computed: false, Property: Identifier { Name: "Script" }, Object: Identifier vm } } script
                when script.Arguments.Count > 0 && module.IsImportFrom(vm.Name, "vm", "node:vm"):
                return script.Arguments[0];
            default:
                return null;
        }
    }

    /// <summary>The SQL text argument of a Forge SQL call (<c>sql.executeRaw</c>, <c>sql.prepare</c>), or null.</summary>
    public static Node? ForgeSqlText(CallExpression call, ModuleSyntax module)
    {
        if (call.Arguments.Count == 0 || Unwrap(call.Callee) is not MemberExpression { Computed: false, Property: Identifier { Name: "executeRaw" or "prepare" or "executeDDL" }, Object: var owner })
        {
            return null;
        }

        var fromForgeSql = Unwrap(owner) switch
        {
            Identifier id => module.IsImportFrom(id.Name, "@forge/sql"),
            MemberExpression { Object: Identifier id } => module.IsImportFrom(id.Name, "@forge/sql"),
            _ => false,
        };
        return fromForgeSql ? call.Arguments[0] : null;
    }

    /// <summary>Known secret-taking library functions (FSRT's secretdata.yaml, reduced) and which argument (0-based) is the secret.</summary>
    public static (string Function, Node Secret)? SecretArgument(CallExpression call, ModuleSyntax module)
    {
        var (package, function) = Unwrap(call.Callee) switch
        {
            Identifier id when module.Imports.TryGetValue(id.Name, out var binding) => (binding.Source, binding.Imported),
            MemberExpression { Computed: false, Property: Identifier method, Object: Identifier owner } when module.Imports.TryGetValue(owner.Name, out var binding) => (binding.Source, method.Name),
            MemberExpression { Computed: false, Property: Identifier method, Object: MemberExpression { Object: Identifier owner, Property: Identifier cipher } }
                when module.Imports.TryGetValue(owner.Name, out var binding) => (binding.Source, cipher.Name + "." + method.Name),
            _ => (null, null),
        };
        if (package is null || function is null)
        {
            return null;
        }

        var index = (package.Replace("node:", string.Empty, StringComparison.Ordinal), function) switch
        {
            ("jsonwebtoken", "sign" or "verify") => 1,
            ("atlassian-jwt", "encodeSymmetric" or "encodeAsymmetric" or "encode") => 1,
            ("jwt-simple", "encode" or "decode") => 1,
            ("crypto", "createHmac" or "createCipheriv" or "createDecipheriv") => 1,
            ("crypto", "pbkdf2" or "pbkdf2Sync" or "scrypt" or "scryptSync") => 0,
            ("crypto-js", "HmacSHA256" or "HmacSHA1" or "HmacSHA512" or "HmacMD5") => 1,
            ("crypto-js", "AES.encrypt" or "AES.decrypt" or "TripleDES.encrypt" or "TripleDES.decrypt") => 1,
            _ => -1,
        };
        return index >= 0 && call.Arguments.Count > index ? (package + "." + function, call.Arguments[index]) : null;
    }

    /// <summary>The value node of a property of an object literal (or of the object a name is bound to).</summary>
    public static Node? Property(Node? obj, string name, bool ignoreCase = false)
    {
        if (obj is not ObjectExpression literal)
        {
            return null;
        }

        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return literal.Properties.OfType<Property>().LastOrDefault(p => !p.Computed && string.Equals(ModuleBuilder.Name(p.Key), name, comparison))?.Value;
    }

    /// <summary>Follows a name to the object literal it is bound to (options objects are often built first).</summary>
    public static Node Resolve(Node node, ModuleSyntax module, int depth = 0) => node switch
    {
        Identifier id when depth < 4 && module.AllBindings.TryGetValue(id.Name, out var init) => Resolve(init, module, depth + 1),
        _ => node,
    };
}
