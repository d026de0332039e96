using System.Security.Cryptography;
using System.Text;

namespace Rampart.DemoApps.Connect;

/// <summary>Connect's query string hash (requirements.md §6.6), computed the way a vendor's server does.</summary>
internal static class QueryStringHash
{
    /// <summary>The fixed qsh of context JWTs (<c>AP.context.getToken()</c>) once the app opts into <c>context-qsh</c>.</summary>
    public const string ContextQsh = "context-qsh";

    public static string Compute(string method, string rawPathAndQuery, string basePath) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalRequest(method, rawPathAndQuery, basePath))));

    public static string CanonicalRequest(string method, string rawPathAndQuery, string basePath)
    {
        var queryStart = rawPathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? rawPathAndQuery : rawPathAndQuery[..queryStart];
        var query = queryStart < 0 ? string.Empty : rawPathAndQuery[(queryStart + 1)..];
        return $"{method.ToUpperInvariant()}&{CanonicalUri(path, basePath)}&{CanonicalQuery(query)}";
    }

    private static string CanonicalUri(string path, string basePath)
    {
        var prefix = basePath.TrimEnd('/');
        if (prefix.Length > 0
            && path.StartsWith(prefix, StringComparison.Ordinal)
            && (path.Length == prefix.Length || path[prefix.Length] == '/'))
        {
            path = path[prefix.Length..];
        }

        path = path.Replace("&", "%26", StringComparison.Ordinal).TrimEnd('/');
        return path.StartsWith('/') ? path : "/" + path;
    }

    private static string CanonicalQuery(string query)
    {
        var parameters = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            if (name == "jwt")
            {
                continue;
            }

            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            var encodedName = Encode(name);
            if (!parameters.TryGetValue(encodedName, out var values))
            {
                parameters[encodedName] = values = [];
            }

            values.Add(Encode(value));
        }

        return string.Join(
            '&',
            parameters.Select(p => p.Key + "=" + string.Join(',', p.Value.Order(StringComparer.Ordinal))));
    }

    private static string Decode(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));

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
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
