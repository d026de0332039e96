using System.Text;
using System.Text.RegularExpressions;
using Rampart.Catalog;

namespace Rampart.Scanning.Checks.Headers;

/// <summary>
/// RMP-HDR-001: every response sets a Referrer-Policy that does not leak full URLs (which carry <c>jwt=</c> tokens
/// and tenant identifiers) to other origins. Per the Fetch spec the last valid token of the header wins, and an HTML
/// <c>&lt;meta name="referrer"&gt;</c> sets the document's policy; CSRT reads only the first token and ignores meta.
/// </summary>
public sealed partial class ReferrerPolicyCheck : HeaderCheckBase
{
    public const string Id = "RMP-HDR-001";

    private static readonly HashSet<string> Valid = new(StringComparer.Ordinal)
    {
        "no-referrer", "no-referrer-when-downgrade", "same-origin", "origin", "strict-origin",
        "origin-when-cross-origin", "strict-origin-when-cross-origin", "unsafe-url",
    };

    private static readonly HashSet<string> Leaky = new(StringComparer.Ordinal) { "unsafe-url", "no-referrer-when-downgrade" };

    public override CheckInfo Info { get; } = new(
        Id,
        "Referrer-Policy keeps URLs from leaking",
        ["7.2"],
        [AppKind.Connect, AppKind.PowerUp, AppKind.ForgeEgress],
        Severity.Low,
        "Send Referrer-Policy: strict-origin-when-cross-origin (or no-referrer, same-origin, strict-origin) on every " +
        "response, including errors and redirects. Never unsafe-url or no-referrer-when-downgrade: page URLs carry JWTs.");

    protected override string FindingTitle => "Referrer-Policy missing or leaky";

    protected internal override string? Problem(ObservedResponse response)
    {
        var header = Effective(response.Values("Referrer-Policy"));
        var meta = MetaPolicy(response);
        var effective = meta ?? header;
        var source = meta is not null ? "<meta name=\"referrer\">" : "Referrer-Policy header";
        if (effective is null)
        {
            var raw = string.Join(", ", response.Values("Referrer-Policy"));
            return raw.Length == 0 ? "no Referrer-Policy header" : $"Referrer-Policy '{raw}' has no valid policy token";
        }

        return Leaky.Contains(effective) ? $"{source} resolves to '{effective}', which sends full URLs cross-origin" : null;
    }

    /// <summary>The last recognised token across all header instances, as browsers apply it.</summary>
    internal static string? Effective(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',')).Select(t => t.Trim().ToLowerInvariant()).LastOrDefault(Valid.Contains);

    private static string? MetaPolicy(ObservedResponse response)
    {
        var contentType = response.Values("Content-Type").FirstOrDefault() ?? string.Empty;
        if (response.Body.Length == 0 || !contentType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var match = Meta().Match(Encoding.UTF8.GetString(response.Body));
            return match.Success ? Effective([match.Groups["policy"].Value]) : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"<meta\s+(?=[^>]*name\s*=\s*[""']?referrer[""']?)[^>]*content\s*=\s*[""']?(?<policy>[a-z,\s-]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Meta();
}
