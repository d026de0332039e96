using Rampart.Catalog;
using Rampart.Forge.Checks;

namespace Rampart.Forge.Analysis;

/// <summary>A flaw found by static analysis, before it becomes a report <c>Finding</c>.</summary>
/// <param name="Location"><c>path:line:column</c> in the app.</param>
/// <param name="Evidence">A redacted excerpt of the code or manifest, plus how the flaw is reached.</param>
public sealed record ForgeFinding(CheckRecord Check, string Location, string Evidence, string? Title = null);
