using System.Text.RegularExpressions;

namespace Rampart.Scanning.Dns;

/// <summary>
/// A hosted DNS provider where anyone can create a zone for any domain: a delegation to its name servers that they no
/// longer serve can be claimed by an attacker.
/// </summary>
public sealed record DnsProviderFingerprint(string Provider, IReadOnlyList<Regex> NsPatterns, string Source, string Licence)
{
    public bool MatchesNameServer(string name) => NsPatterns.Any(p => p.IsMatch(name));
}
