using Rampart.Catalog;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Rampart.Scanning.Dns;

/// <summary>The takeover fingerprint list (embedded <c>takeover-fingerprints.yaml</c>), validated on load.</summary>
public sealed record TakeoverFingerprints(IReadOnlyList<TakeoverFingerprint> Services, IReadOnlyList<DnsProviderFingerprint> DnsProviders)
{
    private const string ResourceName = "Rampart.Scanning.Dns.takeover-fingerprints.yaml";

    private static readonly Lazy<TakeoverFingerprints> Embedded = new(LoadEmbedded);

    public static TakeoverFingerprints Default => Embedded.Value;

    public static TakeoverFingerprints Parse(string yaml)
    {
        var dto = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build()
            .Deserialize<TakeoverFingerprintsDto?>(yaml) ?? throw new InvalidDataException("takeover fingerprints: empty file");

        var services = (dto.Services ?? []).Select((s, i) => MapService(s, i)).ToList();
        var providers = (dto.DnsProviders ?? []).Select((p, i) => MapProvider(p, i)).ToList();
        return new TakeoverFingerprints(services, providers);
    }

    private static TakeoverFingerprint MapService(TakeoverServiceDto dto, int index)
    {
        var where = $"services[{index}]";
        var service = Required(dto.Service, $"{where}.service");
        where = $"services[{index}] ({service})";
        var kind = dto.Kind switch
        {
            "nxdomain" => TakeoverCheckKind.NxDomain,
            "body" => TakeoverCheckKind.Body,
            _ => throw new InvalidDataException($"takeover fingerprints: {where}.kind must be nxdomain or body"),
        };
        if (kind is TakeoverCheckKind.Body && string.IsNullOrWhiteSpace(dto.Body))
        {
            throw new InvalidDataException($"takeover fingerprints: {where}.body is required for kind body");
        }

        var patterns = Patterns(dto.Cname, $"{where}.cname");
        var body = kind is TakeoverCheckKind.Body ? Compile(dto.Body!, $"{where}.body") : null;
        return new TakeoverFingerprint(service, patterns, kind, body, dto.Status,
            Required(dto.Source, $"{where}.source"), Required(dto.Licence, $"{where}.licence"));
    }

    private static DnsProviderFingerprint MapProvider(DnsProviderDto dto, int index)
    {
        var provider = Required(dto.Provider, $"dnsProviders[{index}].provider");
        var where = $"dnsProviders[{index}] ({provider})";
        return new DnsProviderFingerprint(provider, Patterns(dto.Ns, $"{where}.ns"),
            Required(dto.Source, $"{where}.source"), Required(dto.Licence, $"{where}.licence"));
    }

    private static List<Regex> Patterns(List<string>? patterns, string where)
    {
        if (patterns is null || patterns.Count == 0)
        {
            throw new InvalidDataException($"takeover fingerprints: {where} needs at least one pattern");
        }

        return patterns.Select((p, i) => Compile(p, $"{where}[{i}]")).ToList();
    }

    private static Regex Compile(string pattern, string where)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexLimits.MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"takeover fingerprints: {where} is not a valid regex: {e.Message}", e);
        }
    }

    private static string Required(string? value, string where) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"takeover fingerprints: {where} is required") : value;

    private static TakeoverFingerprints LoadEmbedded()
    {
        using var stream = typeof(TakeoverFingerprints).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
