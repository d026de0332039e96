namespace Rampart.Forge.Code;

/// <summary>What a name or expression resolves to across modules.</summary>
public abstract record Symbol;

/// <summary>A function body (declaration, expression or arrow) in a module, or a resolver handler expression.</summary>
public sealed record FunctionSymbol(JsModule Module, FunctionSummary Function, string Name) : Symbol;

public sealed record ClassSymbol(JsModule Module, ClassValue Class) : Symbol;

/// <summary>A whole module (namespace import, CommonJS require of a local file).</summary>
public sealed record ModuleSymbol(JsModule Module) : Symbol;

/// <summary>An object literal whose properties can be functions.</summary>
public sealed record ObjectSymbol(JsModule Module, ObjectValue Object) : Symbol;

/// <summary>A <c>new Resolver()</c> variable.</summary>
public sealed record ResolverSymbol(JsModule Module, string Variable) : Symbol;

/// <summary>The value of <c>resolver.getDefinitions()</c>: the handlers defined on that resolver.</summary>
public sealed record ResolverDefinitionsSymbol(ResolverSymbol Resolver) : Symbol;

/// <summary>A binding from a package outside the app (for example <c>@forge/api</c>).</summary>
public sealed record ExternalSymbol(string Package, string Name) : Symbol;
