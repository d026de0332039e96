using Rampart.Catalog;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Rampart.Scanning.Secrets;

namespace Rampart.Scanning.Checks.Descriptor;

/// <summary>
/// RMP-SECRET-001: a descriptor is public (anyone can fetch it), so any credential in it — a token in a URL's query,
/// a cloud key, a private key — is disclosed to the world and to every Referer header its URLs produce.
/// </summary>
public sealed class DescriptorSecretsCheck : ICheck
{
    public const string Id = "RMP-SECRET-001";

    public CheckRecord Info { get; } = CheckRegistry.Embedded.Get(Id);

    private string Requirement => Info.RequirementId;

    public Task<CheckOutcome> RunAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var descriptor = context.Descriptor ?? throw new InvalidOperationException("RMP-SECRET-001 needs a Connect descriptor.");
        var findings = new List<Finding>();
        var notChecked = new List<string>();
        foreach (var value in descriptor.Strings)
        {
            var scan = SecretScanner.ScanAll(value.Value);
            notChecked.AddRange(scan.TimedOut.Select(rule => $"{value.JsonPath} ({rule})"));
            foreach (var match in scan.Matches)
            {
                findings.Add(context.NewFinding(Info, Requirement, $"{match.Rule.Description} in the descriptor",
                    $"{value.JsonPath} ({match.Rule.Id})",
                    $"{descriptor.DescriptorUrl} {value.JsonPath}: {match.Redacted}"));
            }
        }

        if (findings.Count == 0 && notChecked.Count > 0)
        {
            return Task.FromResult(CheckOutcome.Of(Requirement, RequirementStatus.Error,
                $"secret rules timed out, so these values were not fully checked: {string.Join(", ", notChecked.Take(5))}"));
        }

        return Task.FromResult(findings.Count > 0
            ? CheckOutcome.Of(Requirement, RequirementStatus.Fail, $"{findings.Count} secret(s) in the descriptor", findings)
            : CheckOutcome.Of(Requirement, RequirementStatus.Pass, $"no secrets in the descriptor's {descriptor.Strings.Count} string values"));
    }
}
