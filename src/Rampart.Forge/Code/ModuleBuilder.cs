using System.Runtime.CompilerServices;
using Acornima;
using Acornima.Ast;

namespace Rampart.Forge.Code;

/// <summary>Parses one file with Acornima and fills the module tables of <see cref="JsModule"/>, values reduced to <see cref="JsValue"/>.</summary>
public static class ModuleBuilder
{
    // Object literals nest values; name resolution gives up after 24 steps, so deeper values can never matter.
    private const int MaxValueDepth = 40;

    public static ModuleSyntax Build(string path, string originalText, string code, SourceLanguage language)
    {
        Acornima.Ast.Program program;
        try
        {
            program = Parse(path, code);
        }
        catch (ParseErrorException e)
        {
            throw new ForgeInputException($"{path}:{e.LineNumber}:{e.Column + 1}: JavaScript syntax error: {e.Description}");
        }
        catch (InsufficientExecutionStackException)
        {
            throw new ForgeInputException($"{path}: code nested too deeply to analyse");
        }

        var module = new ModuleSyntax(new JsModule(path, originalText, language), program);
        try
        {
            foreach (var statement in program.Body)
            {
                TopLevel(module, statement);
            }

            Index(module, program);
        }
        catch (InsufficientExecutionStackException)
        {
            throw new ForgeInputException($"{path}: code nested too deeply to analyse");
        }

        return module;
    }

    private static Acornima.Ast.Program Parse(string path, string code)
    {
        var options = new ParserOptions
        {
            AllowReturnOutsideFunction = true,
            AllowAwaitOutsideFunction = true,
            AllowHashBang = true,
        };
        try
        {
            return new Parser(options).ParseModule(code, path);
        }
        catch (ParseErrorException)
        {
            // Sloppy-mode CommonJS (octal literals, `with`) is not a valid module; try it as a script before failing.
            try
            {
                return new Parser(options).ParseScript(code, path);
            }
            catch (ParseErrorException)
            {
            }

            throw;
        }
    }

    private static void TopLevel(ModuleSyntax module, Node statement)
    {
        switch (statement)
        {
            case ImportDeclaration import:
                foreach (var specifier in import.Specifiers)
                {
                    var imported = specifier switch
                    {
                        ImportSpecifier s => Name(s.Imported) ?? "default",
                        ImportNamespaceSpecifier => "*",
                        _ => "default",
                    };
                    module.Imports[specifier.Local.Name] = new ImportBinding(import.Source.Value, imported);
                }

                break;
            case ExportNamedDeclaration named when named.Source is not null:
                foreach (var specifier in named.Specifiers)
                {
                    module.Module.ReExports[Name(specifier.Exported) ?? "default"] = new ImportBinding(named.Source.Value, Name(specifier.Local) ?? "default");
                }

                break;
            case ExportNamedDeclaration named:
                if (named.Declaration is not null)
                {
                    foreach (var name in Declare(module, named.Declaration).ToList())
                    {
                        module.Module.Exports[name] = new NameValue(name);
                    }
                }

                foreach (var specifier in named.Specifiers)
                {
                    module.Module.Exports[Name(specifier.Exported) ?? "default"] = Value(module, specifier.Local);
                }

                break;
            case ExportAllDeclaration all when all.Exported is null:
                module.Module.StarExports.Add(all.Source.Value);
                break;
            case ExportAllDeclaration all:
                module.Module.ReExports[Name(all.Exported) ?? "default"] = new ImportBinding(all.Source.Value, "*");
                break;
            case ExportDefaultDeclaration exportDefault:
                if (exportDefault.Declaration is FunctionDeclaration { Id: not null } or ClassDeclaration { Id: not null })
                {
                    _ = Declare(module, (Declaration)exportDefault.Declaration).ToList();
                }

                module.Module.Exports["default"] = Value(module, exportDefault.Declaration);
                break;
            case Declaration declaration:
                _ = Declare(module, declaration).ToList(); // Declare is lazy: enumerate it to record the bindings
                break;
            case ExpressionStatement { Expression: AssignmentExpression assignment }:
                CommonJsExport(module, assignment);
                break;
        }
    }

    private static void CommonJsExport(ModuleSyntax module, AssignmentExpression assignment)
    {
        switch (assignment.Left)
        {
            // module.exports = X
            case MemberExpression { Object: Identifier { Name: "module" }, Property: Identifier { Name: "exports" }, Computed: false }:
                module.Module.Exports["default"] = Value(module, assignment.Right);
                if (assignment.Right is ObjectExpression obj)
                {
                    foreach (var property in obj.Properties.OfType<Property>())
                    {
                        if (Name(property.Key) is { } key && property.Value is Node value)
                        {
                            module.Module.Exports[key] = Value(module, value);
                        }
                    }
                }

                break;
            // exports.x = X or module.exports.x = X
            case MemberExpression { Object: Identifier { Name: "exports" }, Property: var property, Computed: false }:
                module.Module.Exports[Name(property) ?? "default"] = Value(module, assignment.Right);
                break;
            case MemberExpression { Object: MemberExpression { Object: Identifier { Name: "module" }, Property: Identifier { Name: "exports" } }, Property: var property, Computed: false }:
                module.Module.Exports[Name(property) ?? "default"] = Value(module, assignment.Right);
                break;
        }
    }

    private static IEnumerable<string> Declare(ModuleSyntax module, Declaration declaration)
    {
        switch (declaration)
        {
            case FunctionDeclaration { Id: { } id } function:
                module.Module.Locals[id.Name] = Value(module, function);
                yield return id.Name;
                break;
            case ClassDeclaration { Id: { } id } cls:
                module.Module.Locals[id.Name] = Value(module, cls);
                yield return id.Name;
                break;
            case VariableDeclaration variables:
                foreach (var declarator in variables.Declarations)
                {
                    if (declarator.Id is Identifier id)
                    {
                        if (declarator.Init is not null)
                        {
                            module.Module.Locals[id.Name] = Value(module, declarator.Init);
                        }

                        yield return id.Name;
                    }
                    else if (declarator.Id is ObjectPattern pattern && declarator.Init is CallExpression { Callee: Identifier { Name: "require" } } require
                        && require.Arguments.Count == 1 && require.Arguments[0] is StringLiteral source)
                    {
                        // const { a, b: c } = require('x')
                        foreach (var property in pattern.Properties.OfType<Property>())
                        {
                            if (Name(property.Key) is { } imported && property.Value is Identifier local)
                            {
                                module.Imports[local.Name] = new ImportBinding(source.Value, imported);
                            }
                        }
                    }
                    else if (declarator.Id is ObjectPattern destructured && declarator.Init is Identifier from)
                    {
                        // const { a } = utils  (members of a namespace-like binding)
                        foreach (var property in destructured.Properties.OfType<Property>())
                        {
                            if (Name(property.Key) is { } member && property.Value is Identifier local)
                            {
                                module.Module.Locals[local.Name] = new MemberValue(new NameValue(from.Name), member);
                            }
                        }
                    }
                }

                break;
        }
    }

    /// <summary>Whole-file pass: requires, resolvers, constants, functions and methods at any depth.</summary>
    private static void Index(ModuleSyntax module, Node root)
    {
        var stack = new Stack<Node>();
        var children = new List<Node>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            switch (node)
            {
                case VariableDeclarator { Id: Identifier id, Init: { } init }:
                    module.AllBindings.TryAdd(id.Name, init);
                    if (init is CallExpression { Callee: Identifier { Name: "require" } } require && require.Arguments.Count == 1 && require.Arguments[0] is StringLiteral source)
                    {
                        module.Imports.TryAdd(id.Name, new ImportBinding(source.Value, "default"));
                    }
                    else if (init is MemberExpression { Object: CallExpression { Callee: Identifier { Name: "require" } } req, Property: Identifier member }
                        && req.Arguments.Count == 1 && req.Arguments[0] is StringLiteral from)
                    {
                        module.Imports.TryAdd(id.Name, new ImportBinding(from.Value, member.Name));
                    }
                    else if (Constants.StringValue(init, null) is { } constant)
                    {
                        module.ConstStrings.TryAdd(id.Name, constant);
                    }

                    if (init is FunctionExpression or ArrowFunctionExpression)
                    {
                        module.Module.AllFunctions.TryAdd(id.Name, Value(module, init));
                    }

                    if (init is NewExpression { Callee: Identifier resolverClass } && IsResolverClass(module, resolverClass.Name))
                    {
                        module.Module.ResolverDefines.TryAdd(id.Name, []);
                    }

                    break;
                case FunctionDeclaration { Id: { } fnId } fn:
                    module.Module.AllFunctions.TryAdd(fnId.Name, Value(module, fn));
                    break;
                case MethodDefinition { Key: var key, Value: var method }:
                    if (Name(key) is { } methodName)
                    {
                        module.Module.Methods.TryAdd(methodName, module.SummaryFor(method));
                    }

                    break;
                case Property { Method: true, Key: var key, Value: FunctionExpression method }:
                    if (Name(key) is { } propertyName)
                    {
                        module.Module.Methods.TryAdd(propertyName, module.SummaryFor(method));
                    }

                    break;
            }

            // One reused buffer instead of a list per node: this pass sees every node of every file.
            children.Clear();
            foreach (var child in node.ChildNodes)
            {
                children.Add(child);
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }

        // define() calls need the resolver variables found above, so they are a second pass.
        if (module.Module.ResolverDefines.Count > 0)
        {
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (node is CallExpression { Callee: MemberExpression { Object: Identifier target, Property: Identifier { Name: "define" } } } call
                    && module.Module.ResolverDefines.TryGetValue(target.Name, out var defines) && call.Arguments.Count >= 2
                    && Constants.StringValue(call.Arguments[0], module) is { } name)
                {
                    defines.Add(new ResolverDefinition(name, Value(module, call.Arguments[1]), module.SummaryFor(call.Arguments[1])));
                }

                foreach (var child in node.ChildNodes)
                {
                    stack.Push(child);
                }
            }
        }
    }

    /// <summary>Reduces an expression to the forms name resolution follows; anything else is null (unknown).</summary>
    internal static JsValue? Value(ModuleSyntax module, Node? node, int depth = 0)
    {
        if (node is null || depth > MaxValueDepth)
        {
            return null;
        }

        GuardStack();
        switch (node)
        {
            case FunctionDeclaration or FunctionExpression or ArrowFunctionExpression:
                return new FunctionValue(module.SummaryFor(node));
            case ClassDeclaration cls:
                return new ClassValue([.. cls.Body.Body.OfType<MethodDefinition>().Select(m => (Name(m.Key), module.SummaryFor(m.Value)))]);
            case ObjectExpression obj:
                return new ObjectValue([.. obj.Properties.OfType<Property>().Select(p => p.Shorthand && p.Value is Identifier shorthand
                    ? new ObjectProperty(Name(p.Key), null, shorthand.Name)
                    : new ObjectProperty(Name(p.Key), Value(module, p.Value, depth + 1), null))]);
            case Identifier id:
                return new NameValue(id.Name);
            case CallExpression { Callee: MemberExpression { Object: Identifier target, Property: Identifier { Name: "getDefinitions" } } }:
                return new DefinitionsValue(target.Name);
            case CallExpression { Callee: Identifier { Name: "require" } } require when require.Arguments.Count == 1 && require.Arguments[0] is StringLiteral source:
                return new RequireValue(source.Value);
            case MemberExpression { Computed: false, Property: Identifier property } member:
                return new MemberValue(Value(module, member.Object, depth + 1), property.Name);
            case AwaitExpression await:
                return new AwaitValue(Value(module, await.Argument, depth + 1));
            default:
                return null;
        }
    }

    private static bool IsResolverClass(ModuleSyntax module, string name) =>
        module.Imports.TryGetValue(name, out var binding) && binding.Source == "@forge/resolver";

    public static string? Name(Node? node) => node switch
    {
        Identifier id => id.Name,
        StringLiteral literal => literal.Value,
        _ => null,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void GuardStack() => RuntimeHelpers.EnsureSufficientExecutionStack();
}
