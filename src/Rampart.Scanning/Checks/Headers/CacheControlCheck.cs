using Rampart.Catalog;

namespace Rampart.Scanning.Checks.Headers;

/// <summary>
/// RMP-HDR-002: responses must not be stored by browsers or proxies: <c>Cache-Control: no-store</c> is enough
/// (CSRT also demands <c>no-cache</c>, which adds nothing once <c>no-store</c> is set).
/// </summary>
public sealed class CacheControlCheck : HeaderCheckBase
{
    public const string Id = "RMP-HDR-002";

    public override CheckRecord Info { get; } = CheckRegistry.Embedded.Get(Id);

    protected override string FindingTitle => "Cache-Control does not forbid storing the response";

    /// <summary>
    /// Modules declared <c>cacheable: true</c> are meant to be cached by the browser (Confluence cacheable iframes),
    /// so demanding no-store of them would contradict the platform; the other header checks still apply to them.
    /// </summary>
    protected override bool Applies(ObservedResponse response) => !response.Cacheable;

    protected internal override string? Problem(ObservedResponse response)
    {
        var values = response.Values("Cache-Control").ToList();
        if (values.Count == 0)
        {
            return "no Cache-Control header";
        }

        var tokens = values.SelectMany(v => v.Split(',')).Select(t => t.Trim().Split('=')[0].ToLowerInvariant());
        return tokens.Contains("no-store") ? null : $"Cache-Control '{string.Join(", ", values)}' lacks no-store";
    }
}
