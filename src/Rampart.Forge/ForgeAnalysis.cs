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
    IReadOnlyList<string> ScopeAbstentions);
