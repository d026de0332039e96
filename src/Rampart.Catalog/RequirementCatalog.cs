namespace Rampart.Catalog;

/// <summary>One published version of the security requirements.</summary>
/// <param name="Published">When the catalog was published.</param>
/// <param name="Effective">From when apps must meet it (April publications take effect at the end of October).</param>
public sealed record RequirementCatalog(
    string Id,
    string Title,
    DateOnly Published,
    DateOnly Effective,
    string Source,
    IReadOnlyList<Requirement> Requirements)
{
    public Requirement? Find(string requirementId) =>
        Requirements.FirstOrDefault(r => string.Equals(r.Id, requirementId, StringComparison.Ordinal));

    public bool IsInEffectOn(DateOnly day) => Effective <= day;
}
