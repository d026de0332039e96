using System.Net;

namespace Rampart.Scanning.Dns;

/// <summary>The outcome of one query, kept whole for evidence: what was asked, of whom, and what came back.</summary>
/// <param name="Cnames">The CNAME chain in the answer, starting at <paramref name="Name"/>'s first alias.</param>
/// <param name="Rcode">The rcode as the resolver named it (e.g. <c>NXDomain</c>), or <c>timeout</c>.</param>
/// <param name="Names">Other names in the answer (NS targets for an NS query).</param>
public sealed record DnsAnswer(
    string Name,
    string QueryType,
    string Resolver,
    DnsAnswerKind Kind,
    string Rcode,
    IReadOnlyList<string> Cnames,
    IReadOnlyList<IPAddress> Addresses,
    IReadOnlyList<string> Names)
{
    /// <summary>Why the CNAME chain cannot lead anywhere (a loop, too many hops), or null.</summary>
    public string? ChainProblem { get; init; }

    /// <summary>The last name of the CNAME chain, or the queried name when there is none.</summary>
    public string FinalName => Cnames.Count > 0 ? Cnames[^1] : Name;

    public bool Failed => Kind is not DnsAnswerKind.Answered;

    /// <summary>Query, resolver and rcode, for evidence.</summary>
    public string Describe()
    {
        var lines = new List<string> { $"query: {QueryType} {Name}", $"resolver: {Resolver}", $"rcode: {Rcode}" };
        if (Cnames.Count > 0)
        {
            lines.Add("CNAME chain: " + string.Join(" -> ", new[] { Name }.Concat(Cnames)));
        }

        if (ChainProblem is not null)
        {
            lines.Add("problem: " + ChainProblem);
        }

        if (Addresses.Count > 0)
        {
            lines.Add("addresses: " + string.Join(", ", Addresses));
        }

        if (Names.Count > 0)
        {
            lines.Add("names: " + string.Join(", ", Names));
        }

        return string.Join('\n', lines);
    }
}
