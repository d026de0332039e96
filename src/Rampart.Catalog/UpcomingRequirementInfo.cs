namespace Rampart.Catalog;

/// <summary>A requirement of a published catalog that is not yet in effect, so vendors can prepare for it.</summary>
/// <param name="Catalog">The published catalog that introduces it; its <see cref="RequirementCatalog.Effective"/> date is the deadline.</param>
public sealed record UpcomingRequirementInfo(RequirementCatalog Catalog, Requirement Requirement);
