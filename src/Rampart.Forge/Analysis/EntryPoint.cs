using Rampart.Forge.Code;

namespace Rampart.Forge.Analysis;

/// <summary>A function the platform calls, found from the manifest: a handler export or one resolver definition.</summary>
/// <param name="Name">How reports name it, e.g. <c>issue-panel → resolver 'getIssue'</c>.</param>
/// <param name="ReadOnlyRovoAction">A Rovo action declared with actionVerb GET: its handler must not write.</param>
public sealed record EntryPoint(string Name, EntryKind Kind, JsModule Module, FunctionSummary Body, bool ReadOnlyRovoAction);
