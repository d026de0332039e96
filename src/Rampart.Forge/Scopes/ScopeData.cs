using Rampart.Catalog;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Rampart.Forge.Scopes;

/// <summary>The shipped scope table (Scopes/scope-data.yaml): which scopes a product REST call needs.</summary>
public sealed class ScopeData
{
    private ScopeData(IReadOnlyDictionary<string, string> families, IReadOnlyList<ScopeRoute> routes)
    {
        Families = families;
        Routes = routes;
    }

    /// <summary>Known scopes to their product family (jira, confluence).</summary>
    public IReadOnlyDictionary<string, string> Families { get; }

    public IReadOnlyList<ScopeRoute> Routes { get; }

    public static ScopeData Default { get; } = Load();

    /// <summary>The scopes any one of which grants the call, or null when the table does not know the route.</summary>
    public IReadOnlyList<string>? Needed(string product, string method, string route)
    {
        var path = route.Split('?', 2)[0];
        return Routes.FirstOrDefault(r => r.Product == product && r.Methods.Contains(method) && r.Path.IsMatch(path))?.Scopes;
    }

    private static ScopeData Load()
    {
        using var stream = typeof(ScopeData).Assembly.GetManifestResourceStream("Rampart.Forge.Scopes.scope-data.yaml")
            ?? throw new InvalidOperationException("scope-data.yaml is not embedded");
        using var reader = new StreamReader(stream);
        var file = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<ScopeFile>(reader);
        return new ScopeData(
            file.Scopes.ToDictionary(s => s.Name, s => s.Family, StringComparer.Ordinal),
            file.Routes.Select(r => new ScopeRoute(r.Product, r.Methods, new Regex(r.Path, RegexOptions.CultureInvariant, RegexLimits.MatchTimeout), r.Scopes)).ToList());
    }

    private sealed class ScopeFile
    {
        public List<ScopeEntry> Scopes { get; set; } = [];

        public List<RouteEntry> Routes { get; set; } = [];
    }

    private sealed class ScopeEntry
    {
        public string Name { get; set; } = string.Empty;

        public string Family { get; set; } = string.Empty;
    }

    private sealed class RouteEntry
    {
        public string Product { get; set; } = string.Empty;

        public List<string> Methods { get; set; } = [];

        public string Path { get; set; } = string.Empty;

        public List<string> Scopes { get; set; } = [];
    }
}

/// <summary>One row of the scope table.</summary>
public sealed record ScopeRoute(string Product, IReadOnlyList<string> Methods, Regex Path, IReadOnlyList<string> Scopes);
