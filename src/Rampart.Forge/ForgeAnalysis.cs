using Rampart.Forge.Analysis;
using Rampart.Forge.Code;
using Rampart.Forge.Manifest;

namespace Rampart.Forge;

/// <summary>What the static analysis produced, before it is judged against a catalog.</summary>
public sealed record ForgeAnalysis(
    ForgeManifest Manifest,
    CodeModel Code,
    IReadOnlyList<EntryPoint> Entries,
    IReadOnlyList<ForgeFinding> Findings,
    IReadOnlyList<string> ScopeAbstentions)
{
    /// <summary>Files a secret rule timed out on (<c>path (rule)</c>): they were not fully checked for that rule.</summary>
    public IReadOnlyList<string> SecretTimeouts { get; init; } = [];
}
