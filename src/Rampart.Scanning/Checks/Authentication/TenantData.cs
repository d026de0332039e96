using Rampart.Catalog;
using System.Text;
using System.Text.RegularExpressions;

namespace Rampart.Scanning.Checks.Authentication;

/// <summary>
/// Recognises data that belongs to a tenant or a user in a response body: a page carrying it is not "static content",
/// even if it is identical with and without a token (it then leaks the same tenant's data to everyone).
/// </summary>
public static partial class TenantData
{
    /// <summary>The first tenant marker in the body, or null.</summary>
    public static string? FindMarker(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body);
        try
        {
            var match = Markers().Match(text);
            return match.Success ? match.Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            // A body built to make the regex crawl is not evidence of static content.
            return "(body too complex to inspect)";
        }
    }

    [GeneratedRegex(
        @"[a-z0-9][a-z0-9-]*\.(atlassian\.net|jira\.com|jira-dev\.com)|""(accountId|clientKey|cloudId|sharedSecret|emailAddress|userKey)""\s*:|\b[0-9a-f]{6}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Markers();
}
