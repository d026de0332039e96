using System.Collections.ObjectModel;
using System.Globalization;
using Rampart.Catalog.Loading;

namespace Rampart.Catalog;

/// <summary>All known catalogs, and which one judges an app on a given day.</summary>
public sealed class CatalogRegistry
{
    private const string ResourcePrefix = "Rampart.Catalog.catalogs.";

    private static readonly Lazy<CatalogRegistry> EmbeddedRegistry =
        new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private CatalogRegistry(IReadOnlyList<RequirementCatalog> all) => All = all;

    /// <summary>The catalogs shipped in this assembly, loaded once on first use.</summary>
    /// <exception cref="CatalogException">An embedded catalog is invalid (a build defect; tests guard against it).</exception>
    public static CatalogRegistry Embedded => EmbeddedRegistry.Value;

    /// <summary>Every catalog, ordered by <see cref="RequirementCatalog.Effective"/> ascending.</summary>
    public IReadOnlyList<RequirementCatalog> All { get; }

    /// <summary>Loads catalogs from YAML; <c>Name</c> is how errors refer to each source (usually its file name).</summary>
    /// <exception cref="CatalogException">A source is not a valid catalog, two share an id or an effective date, or there are none.</exception>
    public static CatalogRegistry Load(IEnumerable<(string Name, TextReader Yaml)> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var loaded = new List<LoadedCatalog>();
        foreach (var (name, yaml) in sources)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            ArgumentNullException.ThrowIfNull(yaml);
            var catalog = CatalogReader.Read(name, yaml);
            if (loaded.Find(c => c.Catalog.Id == catalog.Catalog.Id) is { } sameId)
            {
                throw new CatalogException(name, catalog.IdAt, "id",
                    $"catalog id '{catalog.Catalog.Id}' is already used by {sameId.SourceName}");
            }

            // InEffectOn must have exactly one answer for every day.
            if (loaded.Find(c => c.Catalog.Effective == catalog.Catalog.Effective) is { } sameDay)
            {
                throw new CatalogException(name, catalog.EffectiveAt, "effective",
                    $"catalog '{sameDay.Catalog.Id}' ({sameDay.SourceName}) already takes effect on {Format(catalog.Catalog.Effective)}");
            }

            loaded.Add(catalog);
        }

        if (loaded.Count == 0)
        {
            throw new CatalogException("No catalog was given.");
        }

        return new CatalogRegistry(new ReadOnlyCollection<RequirementCatalog>(
            [.. loaded.Select(c => c.Catalog).OrderBy(c => c.Effective)]));
    }

    public RequirementCatalog? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (var catalog in All)
        {
            if (string.Equals(catalog.Id, id, StringComparison.Ordinal))
            {
                return catalog;
            }
        }

        return null;
    }

    /// <summary>The newest catalog whose effective date is on or before <paramref name="day"/>.</summary>
    /// <exception cref="CatalogException">No catalog was in effect yet on that day.</exception>
    public RequirementCatalog InEffectOn(DateOnly day)
    {
        for (var i = All.Count - 1; i >= 0; i--)
        {
            if (All[i].IsInEffectOn(day))
            {
                return All[i];
            }
        }

        throw new CatalogException(
            $"No catalog is in effect on {Format(day)}; the earliest, '{All[0].Id}', takes effect on {Format(All[0].Effective)}.");
    }

    /// <summary>
    /// Requirements already published on <paramref name="day"/> but not yet in effect: those of later catalogs whose id
    /// <paramref name="current"/> lacks, or which a revision added (<see cref="Requirement.AddedOn"/>). Ordered by the
    /// catalog's effective date, then as listed in the catalog.
    /// </summary>
    public IReadOnlyList<UpcomingRequirementInfo> UpcomingOn(DateOnly day, RequirementCatalog current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var upcoming = new List<UpcomingRequirementInfo>();
        foreach (var catalog in All)
        {
            if (catalog.Published > day || catalog.IsInEffectOn(day) || catalog.Id == current.Id)
            {
                continue;
            }

            foreach (var requirement in catalog.Requirements)
            {
                // A revision announced after `day` is not yet known on that day.
                var known = requirement.AddedOn is not { } added || added <= day;
                var isNew = current.Find(requirement.Id) is null || requirement.AddedOn is not null;
                if (known && isNew)
                {
                    upcoming.Add(new UpcomingRequirementInfo(catalog, requirement));
                }
            }
        }

        return upcoming.AsReadOnly();
    }

    private static CatalogRegistry LoadEmbedded()
    {
        var assembly = typeof(CatalogRegistry).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var readers = new List<(string Name, TextReader Yaml)>(names.Count);
        try
        {
            foreach (var name in names)
            {
                var stream = assembly.GetManifestResourceStream(name)
                    ?? throw new CatalogException($"Embedded catalog {name} cannot be opened.");
                readers.Add(("catalogs/" + name[ResourcePrefix.Length..], new StreamReader(stream)));
            }

            return Load(readers);
        }
        finally
        {
            foreach (var (_, reader) in readers)
            {
                reader.Dispose();
            }
        }
    }

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
