using Rampart.Catalog;

namespace Rampart.Scanning.Checks;

/// <summary>Metadata of one automated check: stable id, what it verifies and how to fix a failure.</summary>
/// <param name="Id">Stable id <c>RMP-&lt;AREA&gt;-&lt;NNN&gt;</c>; never reused for another meaning.</param>
/// <param name="RequirementIds">Requirement numbers (as in the catalogs) this check verifies.</param>
public sealed record CheckInfo(
    string Id,
    string Title,
    IReadOnlyList<string> RequirementIds,
    IReadOnlyList<AppKind> AppKinds,
    Severity DefaultSeverity,
    string Remediation);
