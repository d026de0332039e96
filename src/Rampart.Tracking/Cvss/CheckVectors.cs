using System.Reflection;
using System.Text.Json;
using Rampart.Catalog;

namespace Rampart.Tracking;

/// <summary>
/// The default CVSS 3.1 vector of a new ticket: by check id, else by requirement id, else by the finding's catalog
/// severity. Data, embedded from <c>Cvss/check-vectors.json</c>; every vector is validated when loaded.
/// </summary>
public sealed class CheckVectors
{
    private static readonly Lazy<CheckVectors> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, CvssVector> byCheck;
    private readonly Dictionary<string, CvssVector> byRequirement;
    private readonly Dictionary<Severity, CvssVector> bySeverity;

    private CheckVectors(Dictionary<string, CvssVector> byCheck, Dictionary<string, CvssVector> byRequirement, Dictionary<Severity, CvssVector> bySeverity)
    {
        this.byCheck = byCheck;
        this.byRequirement = byRequirement;
        this.bySeverity = bySeverity;
    }

    public static CheckVectors Default => Embedded.Value;

    public CvssVector Resolve(string checkId, string requirementId, Severity findingSeverity) =>
        byCheck.TryGetValue(checkId, out var v) ? v
        : byRequirement.TryGetValue(requirementId, out v) ? v
        : bySeverity.TryGetValue(findingSeverity, out v) ? v
        : bySeverity[Severity.Medium];

    /// <summary>Parses the table; throws <see cref="InvalidDataException"/> naming the bad entry.</summary>
    public static CheckVectors Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var byCheck = ReadMap(root, "checks");
        var byRequirement = ReadMap(root, "requirements");
        var bySeverity = new Dictionary<Severity, CvssVector>();
        foreach (var (name, vector) in ReadMap(root, "severities"))
        {
            if (!Enum.TryParse<Severity>(name, ignoreCase: true, out var severity))
            {
                throw new InvalidDataException($"check vectors: severities.{name} is not a severity");
            }

            bySeverity[severity] = vector;
        }

        foreach (var needed in new[] { Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Info })
        {
            if (!bySeverity.ContainsKey(needed))
            {
                throw new InvalidDataException($"check vectors: severities.{needed.ToString().ToLowerInvariant()} is missing");
            }
        }

        return new CheckVectors(byCheck, byRequirement, bySeverity);
    }

    private static Dictionary<string, CvssVector> ReadMap(JsonElement root, string property)
    {
        var map = new Dictionary<string, CvssVector>(StringComparer.Ordinal);
        if (!root.TryGetProperty(property, out var element))
        {
            throw new InvalidDataException($"check vectors: '{property}' is missing");
        }

        foreach (var entry in element.EnumerateObject())
        {
            if (!CvssVector.TryParse(entry.Value.GetString(), out var vector, out var error))
            {
                throw new InvalidDataException($"check vectors: {property}.{entry.Name}: {error}");
            }

            map[entry.Name] = vector;
        }

        return map;
    }

    private static CheckVectors LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Rampart.Tracking.Cvss.check-vectors.json")
            ?? throw new InvalidDataException("check vectors: embedded resource missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
