namespace Rampart.Forge.Code;

/// <summary>
/// What a module-level name, export or property is bound to, reduced to the forms name resolution follows. Values
/// are built while the file's syntax tree is in hand, so the tree can be dropped once the file is summarised.
/// </summary>
public abstract record JsValue;

/// <summary>A function declaration, function expression or arrow function.</summary>
public sealed record FunctionValue(FunctionSummary Body) : JsValue;

/// <summary>A class declaration: its methods in source order (the first of a name wins, as in the syntax).</summary>
public sealed record ClassValue(IReadOnlyList<(string? Name, FunctionSummary Body)> Methods) : JsValue;

/// <summary>An object literal's properties in source order; <c>ShorthandName</c> is set for <c>{ name }</c>.</summary>
public sealed record ObjectValue(IReadOnlyList<ObjectProperty> Properties) : JsValue;

public sealed record ObjectProperty(string? Key, JsValue? Value, string? ShorthandName);

/// <summary>A reference to a name in the module's scope.</summary>
public sealed record NameValue(string Name) : JsValue;

/// <summary><c>resolver.getDefinitions()</c> on the named variable.</summary>
public sealed record DefinitionsValue(string Resolver) : JsValue;

/// <summary><c>require('source')</c>.</summary>
public sealed record RequireValue(string Source) : JsValue;

/// <summary><c>owner.property</c> (not computed).</summary>
public sealed record MemberValue(JsValue? Owner, string Property) : JsValue;

/// <summary><c>await argument</c>.</summary>
public sealed record AwaitValue(JsValue? Argument) : JsValue;
