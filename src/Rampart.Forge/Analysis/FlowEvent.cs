namespace Rampart.Forge.Analysis;

/// <summary>
/// One step of a function body that the call-graph walk acts on, recorded in the order the walk used to meet it in the
/// syntax tree. Name lists hold every identifier the old tree search would have looked at, so "does this expression
/// reference a tainted name" becomes a set intersection at walk time.
/// </summary>
public abstract record FlowEvent;

/// <summary><c>const pattern = init</c>: taints the pattern's names when init references input, marks them as credentials when init is one.</summary>
public sealed record BindEvent(string[] InitReferences, AuthSource InitAuth, string[] TaintTargets, string[] AuthTargets) : FlowEvent;

/// <summary><c>name = right</c>: taints the name when the right side references input.</summary>
public sealed record AssignEvent(string Target, string[] RightReferences) : FlowEvent;

/// <summary>An (in)equality comparison: comparing a credential against a non-literal authenticates the caller.</summary>
public sealed record CompareEvent(AuthSource Left, bool LeftIsLiteral, AuthSource Right, bool RightIsLiteral) : FlowEvent;

/// <summary>A call expression, after the events of its callee and arguments.</summary>
public sealed record CallEvent(CallSite Call) : FlowEvent;

/// <summary>A function expression walked in place (a callback such as <c>items.map(x =&gt; ...)</c>): its parameter and body events.</summary>
public sealed record InlineEvent(Code.FunctionSummary Function) : FlowEvent;

/// <summary>
/// Whether an expression carries the caller's credential or the app's secret: always (request headers, process.env,
/// getSecret()), or when one of the names it mentions already does.
/// </summary>
public sealed record AuthSource(bool Always, string[] Names)
{
    public bool Holds(HashSet<string> authDerived) => Always || NameSets.AnyIn(Names, authDerived);
}
