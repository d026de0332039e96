using System.Net;

namespace Rampart.Scanning.Dns;

/// <summary>The app's origins split by host: DNS names (with the origins served from each) and IP literals, which have no DNS.</summary>
public sealed record AppHosts(IReadOnlyDictionary<string, IReadOnlyList<Uri>> Names, IReadOnlyList<string> IpLiterals)
{
    public static AppHosts From(IEnumerable<Uri> origins)
    {
        var names = new Dictionary<string, List<Uri>>(StringComparer.OrdinalIgnoreCase);
        var literals = new List<string>();
        foreach (var origin in origins)
        {
            var host = origin.IdnHost;
            if (origin.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || IPAddress.TryParse(host.Trim('[', ']'), out _))
            {
                if (!literals.Contains(host))
                {
                    literals.Add(host);
                }

                continue;
            }

            var name = DnsResolver.Normalize(host);
            if (!names.TryGetValue(name, out var list))
            {
                names[name] = list = [];
            }

            list.Add(origin);
        }

        return new AppHosts(names.ToDictionary(n => n.Key, n => (IReadOnlyList<Uri>)n.Value), literals);
    }

    /// <summary>Why IP-literal hosts were not queried, or null when there are none.</summary>
    public string? SkippedReason() =>
        IpLiterals.Count == 0 ? null : $"not applicable to IP-literal hosts (no DNS to verify): {string.Join(", ", IpLiterals)}";
}
