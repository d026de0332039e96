using YamlDotNet.Core;

namespace Rampart.Catalog.Loading;

/// <summary>A validated catalog plus where it came from, for errors that span several catalogs.</summary>
internal sealed record LoadedCatalog(RequirementCatalog Catalog, string SourceName, Mark IdAt, Mark EffectiveAt);
