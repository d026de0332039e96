using System.Net;
using DnsClient;
using DnsClient.Protocol;
using Rampart.Scanning.Engine;

namespace Rampart.Scanning.Dns;

/// <summary>
/// The scan's DNS resolver: the configured server (<see cref="ScanOptions.DnsServer"/>) or the system's. No cache, so
/// one scan never sees another's answers; every query is bounded by the request timeout and one retry.
/// </summary>
public sealed class DnsResolver
{
    // A chain longer than this is a loop or an attack; real chains are two or three hops.
    private const int MaxChainHops = 10;

    private readonly LookupClient client;
    private readonly TimeSpan timeout;

    public DnsResolver(ScanOptions options)
    {
        timeout = options.DnsTimeout;
        client = new LookupClient(Configure(options.DnsServer is { } server ? new LookupClientOptions(server) : new LookupClientOptions(), timeout));
        Resolver = string.Join(", ", client.NameServers.Select(n => $"{n.Address}:{n.Port}"));
    }

    /// <summary>The servers asked, for evidence.</summary>
    public string Resolver { get; }

    /// <summary>A query of <paramref name="type"/> for <paramref name="name"/>, following CNAMEs the server did not.</summary>
    public async Task<DnsAnswer> QueryAsync(string name, QueryType type, CancellationToken cancellationToken)
    {
        var cnames = new List<string>();
        var current = name;
        for (var hop = 0; ; hop++)
        {
            var answer = await QueryOnceAsync(client, Resolver, current, type, cancellationToken);
            var chain = cnames.Concat(answer.Cnames).ToList();
            var final = chain.Count > 0 ? chain[^1] : name;
            var resolved = answer.Addresses.Count > 0 || answer.Names.Count > 0;
            // A loop or an over-long chain never reaches an address for a browser either; the answer's NOERROR
            // must not read as "resolves".
            if (ChainProblem(name, chain) is { } problem)
            {
                return answer with { Name = name, Cnames = chain, ChainProblem = problem, Addresses = [] };
            }

            // Some servers return the alias without the target's records when the target is elsewhere: ask for it.
            if (answer.Failed || resolved || answer.Cnames.Count == 0 || hop >= MaxChainHops)
            {
                return answer with { Name = name, Cnames = chain };
            }

            cnames = chain;
            current = final;
        }
    }

    private static string? ChainProblem(string name, IReadOnlyList<string> chain)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { Normalize(name) };
        foreach (var alias in chain)
        {
            if (!seen.Add(alias))
            {
                return $"CNAME loop at {alias}";
            }
        }

        return chain.Count > MaxChainHops ? $"CNAME chain longer than {MaxChainHops} hops" : null;
    }

    /// <summary>
    /// How every connection of a scan (HTTP probes, TLS probes, certificate handshakes) turns a name into addresses:
    /// through <see cref="ScanOptions.DnsServer"/> when one is set, otherwise null, meaning the system's resolver.
    /// </summary>
    public static Func<string, CancellationToken, Task<IPAddress[]>>? AddressLookup(ScanOptions options) =>
        options.DnsServer is null ? null : new DnsResolver(options).AddressesAsync;

    /// <summary>The A and AAAA addresses of a name, for connecting (no rebinding: the caller connects to these).</summary>
    public async Task<IPAddress[]> AddressesAsync(string name, CancellationToken cancellationToken)
    {
        var v4 = await QueryAsync(name, QueryType.A, cancellationToken);
        var v6 = await QueryAsync(name, QueryType.AAAA, cancellationToken);
        var addresses = v4.Addresses.Concat(v6.Addresses).Distinct().ToArray();
        if (addresses.Length == 0)
        {
            throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound);
        }

        return addresses;
    }

    /// <summary>
    /// One query sent straight to <paramref name="server"/> without asking it to recurse, as a resolver asks a zone's
    /// name server: a server that does not serve the zone answers REFUSED or SERVFAIL (a lame delegation).
    /// </summary>
    public Task<DnsAnswer> QueryServerAsync(IPEndPoint server, string name, QueryType type, CancellationToken cancellationToken)
    {
        var options = Configure(new LookupClientOptions(server), timeout);
        options.Recursion = false;
        return QueryOnceAsync(new LookupClient(options), $"{server.Address}:{server.Port}", name, type, cancellationToken);
    }

    private static LookupClientOptions Configure(LookupClientOptions options, TimeSpan timeout)
    {
        options.UseCache = false;
        options.Timeout = timeout;
        options.Retries = 1;
        options.ThrowDnsErrors = false;
        // An NXDOMAIN from the first server is the answer; asking the next one could hide it.
        options.ContinueOnDnsError = false;
        options.ContinueOnEmptyResponse = false;
        options.UseTcpFallback = true;
        return options;
    }

    private static async Task<DnsAnswer> QueryOnceAsync(LookupClient client, string resolver, string name, QueryType type, CancellationToken cancellationToken)
    {
        IDnsQueryResponse response;
        try
        {
            response = await client.QueryAsync(name, type, QueryClass.IN, cancellationToken);
        }
        catch (DnsResponseException e) when (e.Code is DnsResponseCode.ConnectionTimeout)
        {
            return new DnsAnswer(name, type.ToString(), resolver, DnsAnswerKind.Timeout, "timeout", [], [], []);
        }
        catch (DnsResponseException e)
        {
            return new DnsAnswer(name, type.ToString(), resolver, DnsAnswerKind.OtherError, e.Code.ToString(), [], [], []);
        }

        var kind = response.Header.ResponseCode switch
        {
            DnsHeaderResponseCode.NoError => DnsAnswerKind.Answered,
            DnsHeaderResponseCode.NotExistentDomain => DnsAnswerKind.NxDomain,
            DnsHeaderResponseCode.ServerFailure => DnsAnswerKind.ServFail,
            DnsHeaderResponseCode.Refused => DnsAnswerKind.Refused,
            _ => DnsAnswerKind.OtherError,
        };
        var rcode = kind switch
        {
            DnsAnswerKind.NxDomain => "NXDOMAIN",
            DnsAnswerKind.ServFail => "SERVFAIL",
            DnsAnswerKind.Refused => "REFUSED",
            DnsAnswerKind.Answered => "NOERROR",
            _ => response.Header.ResponseCode.ToString().ToUpperInvariant(),
        };

        var cnames = new List<string>();
        var current = Normalize(name);
        var cnameRecords = response.Answers.CnameRecords().ToList();
        // One past the cap, and up to the first repeated name, so the caller can tell a loop or an over-long chain.
        while (cnames.Count <= MaxChainHops
               && cnameRecords.FirstOrDefault(c => Normalize(c.DomainName.Value) == current) is { } alias)
        {
            current = Normalize(alias.CanonicalName.Value);
            var repeated = cnames.Contains(current) || current == Normalize(name);
            cnames.Add(current);
            if (repeated)
            {
                break;
            }
        }

        var addresses = response.Answers.OfType<AddressRecord>()
            .Where(a => Normalize(a.DomainName.Value) == current)
            .Select(a => a.Address)
            .ToList();
        var names = response.Answers.NsRecords().Select(n => Normalize(n.NSDName.Value)).ToList();
        return new DnsAnswer(name, type.ToString(), resolver, kind, rcode, cnames, addresses, names);
    }

    /// <summary>Lower case, no trailing dot: the form names are compared and shown in.</summary>
    public static string Normalize(string name) => name.TrimEnd('.').ToLowerInvariant();
}
