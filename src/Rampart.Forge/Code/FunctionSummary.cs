using Rampart.Forge.Analysis;

namespace Rampart.Forge.Code;

/// <summary>
/// One function of a file as the call-graph walk needs it: the names each parameter binds and the flow events of
/// its body in source order. Identity matters: one instance per function in the file, so it keys the walk's memo.
/// </summary>
public sealed class FunctionSummary(string name)
{
    private static readonly FlowEvent[] NoEvents = [];

    /// <summary>The function's own name, or <c>(anonymous)</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Names bound by each parameter (up to 32), <c>context</c> left out: the taint analysis binds input to them.</summary>
    public IReadOnlyList<string[]> Parameters { get; internal set; } = [];

    /// <summary>Events of the parameter list itself (default values), walked when the function runs inline as a callback.</summary>
    public FlowEvent[] ParameterEvents { get; internal set; } = NoEvents;

    public FlowEvent[] Events { get; internal set; } = NoEvents;

    internal bool Summarised { get; set; }

    public override string ToString() => Name;
}
