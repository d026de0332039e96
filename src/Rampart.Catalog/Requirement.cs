namespace Rampart.Catalog;

/// <summary>One numbered requirement (or guideline) of a catalog.</summary>
/// <param name="Id">Number as published, e.g. <c>1.1</c>, <c>6.3</c>; guidelines use a <c>G</c> prefix.</param>
/// <param name="AddedOn">Set when the requirement was added by a later revision of the same catalog (e.g. the February 2026 revision).</param>
public sealed record Requirement(
    string Id,
    string Title,
    string Category,
    string Summary,
    IReadOnlyList<AppKind> AppliesTo,
    VerificationMode Verification,
    IReadOnlyList<string> CheckIds,
    Severity DefaultSeverity,
    bool IsGuideline,
    DateOnly? AddedOn,
    string? Note)
{
    public bool AppliesToKind(AppKind kind) => AppliesTo.Contains(kind);
}
