using System.Security.Cryptography;
using System.Text;

namespace Rampart.Scanning.Engine;

/// <summary>
/// Stable identity of a finding across scans: hash(app key, check id, normalised location).
/// Tracking de-duplicates tickets on it, so its inputs must not include anything that changes between scans.
/// </summary>
public static class Fingerprint
{
    public static string Compute(string appKey, string checkId, string location)
    {
        var input = string.Join('\n', appKey, checkId, NormaliseLocation(location));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        return Convert.ToHexStringLower(hash.AsSpan(0, 20));
    }

    /// <summary>
    /// URLs lose what varies without changing the place: scheme/host case, default ports, the order of query
    /// parameters and their values (a token in the query must not make every scan a new finding).
    /// </summary>
    public static string NormaliseLocation(string location)
    {
        var trimmed = location.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return trimmed;
        }

        var builder = new StringBuilder();
        builder.Append(uri.Scheme).Append("://").Append(uri.IdnHost.ToLowerInvariant());
        if (!uri.IsDefaultPort)
        {
            builder.Append(':').Append(uri.Port);
        }

        builder.Append(uri.AbsolutePath);
        var names = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count > 0)
        {
            builder.Append('?').AppendJoin('&', names);
        }

        return builder.ToString();
    }
}
