using System.Collections.ObjectModel;
using Rampart.Catalog.Loading;

namespace Rampart.Catalog;

/// <summary>
/// Every automated check's <see cref="CheckRecord"/>, Connect and Forge alike, from the embedded <c>checks.yaml</c>.
/// The scan engines, the report and the tracker read a check's title, severity, remediation and default CVSS vector
/// from here, and the catalog tests tie the records to the catalogs.
/// </summary>
public sealed class CheckRegistry
{
    private const string ResourceName = "Rampart.Catalog.checks.yaml";

    private static readonly Lazy<CheckRegistry> EmbeddedRegistry = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, CheckRecord> byId;

    private CheckRegistry(ReadOnlyCollection<CheckRecord> all)
    {
        All = all;
        byId = all.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>The records shipped in this assembly, loaded once on first use.</summary>
    /// <exception cref="CatalogException">The embedded list is invalid (a build defect; tests guard against it).</exception>
    public static CheckRegistry Embedded => EmbeddedRegistry.Value;

    /// <summary>Every record, in file order.</summary>
    public IReadOnlyList<CheckRecord> All { get; }

    /// <summary>Loads a check list from YAML; <paramref name="sourceName"/> is how errors refer to it.</summary>
    /// <exception cref="CatalogException">The text is not a valid check list; the message names the line, the check and the field.</exception>
    public static CheckRegistry Load(string sourceName, TextReader yaml)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        ArgumentNullException.ThrowIfNull(yaml);
        return new CheckRegistry(new CheckMapper(sourceName).Map(YamlDocumentReader.Read<CheckListDto>(sourceName, yaml, "check list")));
    }

    public CheckRecord? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return byId.GetValueOrDefault(id);
    }

    /// <summary>The record of a check that the code implements, so it must have one.</summary>
    /// <exception cref="KeyNotFoundException">No record has this id.</exception>
    public CheckRecord Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"check {id} has no record in checks.yaml");

    private static CheckRegistry LoadEmbedded()
    {
        using var stream = typeof(CheckRegistry).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new CatalogException($"Embedded check list {ResourceName} cannot be opened.");
        using var reader = new StreamReader(stream);
        return Load("checks.yaml", reader);
    }
}
