using System.Security.Cryptography;
using System.Text;

namespace Rampart.DemoApps.Tests.Support;

/// <summary>
/// The test's own canonical QSH (requirements.md §6.6), written apart from the app's so the two check each other.
/// </summary>
internal static class TestQsh
{
    public static string Hash(string method, Uri url, string baseUrlPath = "/") =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalRequest(method, url, baseUrlPath))));

    public static string CanonicalRequest(string method, Uri url, string baseUrlPath = "/") =>
        string.Join('&', method.ToUpperInvariant(), CanonicalUri(url.AbsolutePath, baseUrlPath), CanonicalQuery(url.Query));

    private static string CanonicalUri(string path, string baseUrlPath)
    {
        var basePath = baseUrlPath.TrimEnd('/');
        if (basePath.Length > 0 && path.StartsWith(basePath + "/", StringComparison.Ordinal))
        {
            path = path.Substring(basePath.Length);
        }
        else if (path == basePath)
        {
            path = "/";
        }

        while (path.Length > 1 && path.EndsWith('/'))
        {
            path = path[..^1];
        }

        if (path.Length == 0 || path[0] != '/')
        {
            path = "/" + path;
        }

        return path.Replace("&", "%26", StringComparison.Ordinal);
    }

    private static string CanonicalQuery(string query)
    {
        var pairs = query.TrimStart('?')
            .Split('&')
            .Where(p => p.Length > 0)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Unescape(p[0]), Value: p.Length > 1 ? Unescape(p[1]) : string.Empty))
            .Where(p => p.Name != "jwt");

        return string.Join('&', pairs
            .GroupBy(p => Uri.EscapeDataString(p.Name), p => Uri.EscapeDataString(p.Value))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + "=" + string.Join(',', g.Order(StringComparer.Ordinal))));
    }

    private static string Unescape(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));
}
