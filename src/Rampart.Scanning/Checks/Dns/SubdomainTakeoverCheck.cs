using System.Text.RegularExpressions;
using DnsClient;
using Rampart.Catalog;
using Rampart.Scanning.Dns;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Http;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Checks.Dns;

/// <summary>
/// RMP-DNS-002: no app host points, by CNAME anywhere in its chain, at a takeover-prone service where the target is
/// unclaimed, and the zone is not delegated to name servers that do not exist. Either lets anyone who claims the
/// target serve pages, scripts and install callbacks under the app's name.
/// </summary>
public sealed class SubdomainTakeoverCheck(TakeoverFingerprints fingerprints) : ICheck
{
    public const string Id = "RMP-DNS-002";

    public SubdomainTakeoverCheck()
        : this(TakeoverFingerprints.Default)
    {
    }

    public CheckRecord Info { get; } = CheckRegistry.Embedded.Get(Id);

    private string Requirement => Info.RequirementId;

    public async Task<CheckOutcome> RunAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var hosts = AppHosts.From(context.AppOrigins());
        if (hosts.Names.Count == 0)
        {
            // Not a pass and not "does not apply": an address can be released and re-assigned like a name, so a
            // reviewer has to confirm it is still the vendor's.
            return hosts.IpLiterals.Count > 0
                ? CheckOutcome.Of(Requirement, RequirementStatus.Manual, hosts.SkippedReason() + "; a reviewer must confirm the addresses are the vendor's")
                : CheckOutcome.Of(Requirement, RequirementStatus.NotApplicable, "the app names no hosts");
        }

        var resolver = new DnsResolver(context.Options);
        var findings = new List<Finding>();
        var errors = new List<string>();
        foreach (var (host, origins) in hosts.Names)
        {
            await CheckCnamesAsync(context, resolver, host, origins, findings, errors, cancellationToken);
        }

        await CheckDelegationsAsync(context, resolver, hosts.Names.Keys, findings, errors, cancellationToken);

        var failures = findings.Count(f => !f.Advisory);
        if (failures > 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.Fail, $"{failures} takeover-prone DNS record(s)", findings);
        }

        if (errors.Count > 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.Error, "takeover could not be ruled out: " + string.Join("; ", errors), findings);
        }

        var reason = $"no dangling CNAME or NS record for {hosts.Names.Count} app host(s)";
        var skipped = hosts.SkippedReason();
        return CheckOutcome.Of(Requirement, RequirementStatus.Pass, skipped is null ? reason : $"{reason}; {skipped}", findings);
    }

    private async Task CheckCnamesAsync(ScanContext context, DnsResolver resolver, string host, IReadOnlyList<Uri> origins,
        List<Finding> findings, List<string> errors, CancellationToken cancellationToken)
    {
        var chain = await resolver.QueryAsync(host, QueryType.A, cancellationToken);
        if (chain.Kind is DnsAnswerKind.Timeout or DnsAnswerKind.Refused or DnsAnswerKind.OtherError)
        {
            errors.Add($"{host}: {chain.Rcode} from {chain.Resolver}");
            return;
        }

        var matched = false;
        foreach (var target in chain.Cnames)
        {
            foreach (var service in fingerprints.Services.Where(s => Matches(() => s.MatchesCname(target))))
            {
                matched = true;
                // A target that does not exist at a service where anyone can create names is claimable, whatever
                // the service's usual "no such site" page: nothing answers for the name yet.
                if (chain.Kind is DnsAnswerKind.NxDomain)
                {
                    findings.Add(context.NewFinding(Info, Requirement,
                        $"{host} is a CNAME to an unclaimed {service.Service} name ({target})", host,
                        $"{chain.Describe()}\nservice: {service.Service}: the CNAME target does not exist, so anyone can create it there.\nfingerprint source: {service.Source} ({service.Licence})"));
                    continue;
                }

                if (service.Kind is TakeoverCheckKind.NxDomain)
                {
                    continue;
                }

                foreach (var origin in origins)
                {
                    var response = await context.Http.SendAsync(new ProbeRequest(HttpMethod.Get, origin), cancellationToken);
                    if (response.Error?.Kind is ProbeErrorKind.TlsFailure && origin.Scheme == Uri.UriSchemeHttps)
                    {
                        // A service holds no certificate for a name nobody claimed there; its "no such site" page is
                        // then only reachable over plain HTTP.
                        response = await context.Http.SendAsync(new ProbeRequest(HttpMethod.Get, new UriBuilder(Uri.UriSchemeHttp, origin.IdnHost).Uri), cancellationToken);
                    }

                    if (response.Failed)
                    {
                        errors.Add($"{host}: the {service.Service} page could not be fetched ({response.Error!.Kind})");
                        continue;
                    }

                    if (BodyShowsUnclaimed(service, response))
                    {
                        findings.Add(context.NewFinding(Info, Requirement,
                            $"{host} is a CNAME to an unclaimed {service.Service} site ({target})", host,
                            $"{chain.Describe()}\n{response.Request.Describe()}\n{response.DescribeStatus()}\n" +
                            $"body matches the {service.Service} \"no such site\" fingerprint /{service.Body}/\nfingerprint source: {service.Source} ({service.Licence})"));
                    }
                }
            }
        }

        if (!matched && chain.Kind is DnsAnswerKind.NxDomain && chain.Cnames.Count > 0)
        {
            findings.Add(context.NewFinding(Info, Requirement, $"{host} is a CNAME to a name that does not exist ({chain.FinalName})",
                host, chain.Describe() + "\nThe target's service is not on the takeover list; check whether its name can be registered or claimed.",
                Severity.Medium, advisory: true));
        }
    }

    private async Task CheckDelegationsAsync(ScanContext context, DnsResolver resolver, IEnumerable<string> hosts,
        List<Finding> findings, List<string> errors, CancellationToken cancellationToken)
    {
        var zones = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var host in hosts)
        {
            var zone = await FindZoneAsync(resolver, host, errors, cancellationToken);
            if (zone is null || !zones.Add(zone.Name))
            {
                continue;
            }

            foreach (var nameServer in zone.Names)
            {
                var address = await resolver.QueryAsync(nameServer, QueryType.A, cancellationToken);
                if (address.Kind is DnsAnswerKind.NxDomain)
                {
                    var provider = fingerprints.DnsProviders.FirstOrDefault(p => Matches(() => p.MatchesNameServer(nameServer)));
                    var providerText = provider is null ? "" : $"\nname server provider: {provider.Provider} (source: {provider.Source})";
                    findings.Add(context.NewFinding(Info, Requirement,
                        $"Zone {zone.Name} is delegated to a name server that does not exist ({nameServer})", $"{zone.Name} NS {nameServer}",
                        $"{zone.Describe()}\n{address.Describe()}{providerText}\nWhoever registers the name server's domain answers for the zone."));
                }
                else if (address.Kind is DnsAnswerKind.Timeout)
                {
                    errors.Add($"name server {nameServer} of {zone.Name}: timeout");
                }
                else if (address.Addresses.Count > 0)
                {
                    await CheckNameServerServesZoneAsync(context, resolver, zone, nameServer, address, findings, errors, cancellationToken);
                }
            }
        }
    }

    /// <summary>
    /// Asks the name server itself for the zone's SOA, without recursion. A server that answers REFUSED or SERVFAIL on
    /// every address does not serve the zone (a lame delegation): at many DNS providers anyone can then create the zone
    /// in their own account and answer for it.
    /// </summary>
    private async Task CheckNameServerServesZoneAsync(ScanContext context, DnsResolver resolver, DnsAnswer zone, string nameServer,
        DnsAnswer address, List<Finding> findings, List<string> errors, CancellationToken cancellationToken)
    {
        // The name server's addresses come from the zone owner's data: the address policy applies as to any target.
        var allowed = address.Addresses.Where(context.Policy.IsAllowed).ToList();
        if (allowed.Count == 0)
        {
            errors.Add($"name server {nameServer} of {zone.Name} was not asked: {context.Policy.Explain(address.Addresses[0])}");
            return;
        }

        var refusals = new List<DnsAnswer>();
        foreach (var ip in allowed)
        {
            var answer = await resolver.QueryServerAsync(new System.Net.IPEndPoint(ip, context.Options.NameServerPort), zone.Name, QueryType.SOA, cancellationToken);
            if (answer.Kind is DnsAnswerKind.Answered)
            {
                return;
            }

            if (answer.Kind is DnsAnswerKind.Refused or DnsAnswerKind.ServFail)
            {
                refusals.Add(answer);
            }
        }

        if (refusals.Count == 0)
        {
            errors.Add($"name server {nameServer} of {zone.Name}: no answer");
            return;
        }

        findings.Add(context.NewFinding(Info, Requirement,
            $"Zone {zone.Name} is delegated to a name server that does not serve it ({nameServer}: {refusals[0].Rcode})", $"{zone.Name} NS {nameServer}",
            $"{zone.Describe()}\n{address.Describe()}\n{string.Join('\n', refusals.Select(r => r.Describe()))}\n" +
            "The name server does not serve the zone; whoever creates the zone at that DNS provider answers for it."));
    }

    /// <summary>The closest enclosing zone cut of <paramref name="host"/> (the first name upwards with NS records), below the TLD.</summary>
    private static async Task<DnsAnswer?> FindZoneAsync(DnsResolver resolver, string host, List<string> errors, CancellationToken cancellationToken)
    {
        var labels = host.Split('.');
        for (var i = 0; i <= labels.Length - 2; i++)
        {
            var name = string.Join('.', labels[i..]);
            var answer = await resolver.QueryAsync(name, QueryType.NS, cancellationToken);
            if (answer.Kind is DnsAnswerKind.Timeout)
            {
                errors.Add($"NS {name}: timeout");
                return null;
            }

            // NS records reached through a CNAME belong to the target's zone, not to the app's.
            if (answer.Names.Count > 0 && answer.Cnames.Count == 0)
            {
                return answer;
            }
        }

        return null;
    }

    private static bool BodyShowsUnclaimed(TakeoverFingerprint service, ProbeResponse response)
    {
        if (service.HttpStatus is { } status && response.Status != status)
        {
            return false;
        }

        var body = response.BodyText();
        return service.Body is { } pattern && Matches(() => pattern.IsMatch(body));
    }

    // A pattern that times out on a hostile body is no match: the finding would rest on nothing.
    private static bool Matches(Func<bool> match)
    {
        try
        {
            return match();
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
