using DnsClient;
using Rampart.Catalog;
using Rampart.Scanning.Dns;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Checks.Dns;

/// <summary>
/// RMP-DNS-001: every host the app serves from resolves. A host that answers NXDOMAIN or SERVFAIL is not under the
/// vendor's working control: the registration lapsed, the zone is broken, or the name was never set up.
/// </summary>
public sealed class DomainResolutionCheck : ICheck
{
    public const string Id = "RMP-DNS-001";
    private const string Requirement = "6.1";

    public CheckInfo Info { get; } = new(
        Id,
        "App hosts resolve in DNS",
        [Requirement],
        [AppKind.Connect, AppKind.PowerUp, AppKind.ForgeEgress],
        Severity.High,
        "Keep the domain registered and its zone served: every host the descriptor names must resolve (A/AAAA, through " +
        "any CNAMEs). Remove hosts you no longer operate from the descriptor before letting their names lapse.");

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
        var answers = await Task.WhenAll(hosts.Names.Keys.Select(h => resolver.QueryAsync(h, QueryType.A, cancellationToken)));
        var findings = new List<Finding>();
        var errors = new List<string>();
        foreach (var answer in answers)
        {
            switch (answer.Kind)
            {
                case DnsAnswerKind.NxDomain or DnsAnswerKind.ServFail:
                    findings.Add(context.NewFinding(Info, Requirement, $"{answer.Name} does not resolve ({answer.Rcode})",
                        answer.Name, answer.Describe()));
                    break;
                case DnsAnswerKind.Answered when answer.ChainProblem is not null:
                    findings.Add(context.NewFinding(Info, Requirement, $"{answer.Name} does not resolve ({answer.ChainProblem})",
                        answer.Name, answer.Describe()));
                    break;
                case DnsAnswerKind.Timeout or DnsAnswerKind.Refused or DnsAnswerKind.OtherError:
                    // The resolver could not tell: the name's state is unknown, which is not a pass.
                    errors.Add($"{answer.Name}: {answer.Rcode} from {answer.Resolver}");
                    break;
            }
        }

        var skipped = hosts.SkippedReason();
        if (findings.Count > 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.Fail,
                $"{findings.Count} of {answers.Length} app hosts do not resolve", findings);
        }

        if (errors.Count > 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.Error, "DNS could not be verified: " + string.Join("; ", errors));
        }

        var reason = $"{answers.Length} app host(s) resolve via {resolver.Resolver}";
        return CheckOutcome.Of(Requirement, RequirementStatus.Pass, skipped is null ? reason : $"{reason}; {skipped}");
    }
}
