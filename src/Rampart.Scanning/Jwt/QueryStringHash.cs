using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Rampart.Scanning.Jwt;

/// <summary>
/// Atlassian Connect's query string hash (<c>qsh</c> claim): SHA-256 of <c>METHOD&amp;canonical-path&amp;canonical-query</c>
/// (requirements.md §6.6). A token is only "valid" if this matches the request it is sent with, so the differential
/// authentication check must compute it exactly as a correct app does.
/// </summary>
public static class QueryStringHash
{
    /// <summary>The qsh value context JWTs carry instead of a hash when the app opts into <c>context-qsh</c>.</summary>
    public const string ContextQsh = "context-qsh";

    public static string Compute(string method, Uri requestUrl, Uri baseUrl) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalRequest(method, requestUrl, baseUrl))));

    public static string CanonicalRequest(string method, Uri requestUrl, Uri baseUrl) =>
        $"{method.ToUpperInvariant()}&{CanonicalPath(requestUrl, baseUrl)}&{CanonicalQuery(requestUrl.Query)}";

    /// <summary>The path relative to the app's base URL path, never empty, no trailing slash, '&amp;' encoded.</summary>
    public static string CanonicalPath(Uri requestUrl, Uri baseUrl)
    {
        var path = requestUrl.AbsolutePath;
        var prefix = baseUrl.AbsolutePath.TrimEnd('/');
        if (prefix.Length > 0 && path.StartsWith(prefix, StringComparison.Ordinal))
        {
            path = path[prefix.Length..];
        }

        if (path.Length > 1)
        {
            path = path.TrimEnd('/');
        }

        if (path.Length == 0 || path[0] != '/')
        {
            path = "/" + path;
        }

        return path.Replace("&", "%26", StringComparison.Ordinal);
    }

    /// <summary>Parameters except <c>jwt</c>, percent-encoded, sorted by name, repeated values joined by ','.</summary>
    public static string CanonicalQuery(string query)
    {
        var groups = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(parts[0].Replace('+', ' '));
            if (name == "jwt")
            {
                continue;
            }

            var value = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : string.Empty;
            var key = Encode(name);
            if (!groups.TryGetValue(key, out var values))
            {
                groups[key] = values = [];
            }

            values.Add(Encode(value));
        }

        return string.Join('&', groups.Select(g => $"{g.Key}={string.Join(',', g.Value.Order(StringComparer.Ordinal))}"));
    }

    /// <summary>RFC 3986 encoding: unreserved characters stay, everything else is %XX of its UTF-8 bytes.</summary>
    private static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
