using Rampart.Catalog;
using System.Text.RegularExpressions;
using Rampart.Scanning.Http;

namespace Rampart.Scanning.Checks.Authentication;

/// <summary>
/// Judges a probe's response. CSRT treats any page containing "error" or "invalid" as protected and a 429 as
/// protected; here only the status line and the redirect target count, and anything inconclusive stays inconclusive.
/// </summary>
public static partial class AccessClassifier
{
    public static Access Classify(ProbeResponse response)
    {
        if (response.Error is not null)
        {
            return Access.Unavailable;
        }

        // A login page reached by redirect is a refusal, even though the login page itself answers 200.
        if (response.Hops.Any(h => IsLoginRedirect(h.Headers)) || (IsRedirect(response.Status) && IsLoginRedirect(response.Headers)))
        {
            return Access.Refused;
        }

        return response.Status switch
        {
            >= 200 and < 300 => Access.Served,
            401 or 403 => Access.Refused,
            429 or >= 500 => Access.Unavailable,
            >= 400 => Access.NotServed,
            // A redirect we did not follow (to a non-login page) or 1xx: not content, not a refusal.
            _ => Access.Unavailable,
        };
    }

    public static string Describe(ProbeResponse response) => response.Error is { } error
        ? $"{error.Kind}: {error.Message}"
        : $"HTTP {response.Status}{(response.Hops.Count > 0 ? $" after {response.Hops.Count} redirect(s)" : string.Empty)}";

    private static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

    private static bool IsLoginRedirect(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var location = headers.FirstOrDefault(h => string.Equals(h.Key, "Location", StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrEmpty(location))
        {
            return false;
        }

        // "/login" parses as an absolute file: URI on Unix, so only http(s) locations count as absolute.
        var pathAndQuery = Uri.TryCreate(location, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? absolute.PathAndQuery
            : location;
        return LoginPath().IsMatch(pathAndQuery.Split('?')[0]);
    }

    [GeneratedRegex(@"(^|[/._-])(login|log-in|logon|signin|sign-in|sso|oauth2?|authorize|authenticate|auth|session/new)([/._-]|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex LoginPath();
}
