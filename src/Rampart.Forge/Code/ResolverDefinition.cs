namespace Rampart.Forge.Code;

/// <summary>One <c>resolver.define(name, handler)</c>: the handler's value and its own body (walked when it resolves to no function).</summary>
public sealed record ResolverDefinition(string Name, JsValue? Handler, FunctionSummary HandlerSummary);
