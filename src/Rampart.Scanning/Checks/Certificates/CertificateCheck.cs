using Rampart.Catalog;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Http;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Checks.Certificates;

/// <summary>
/// RMP-CERT-001: each HTTPS origin of the app presents a certificate that chains to the system store or a
/// <c>--trust-ca</c> root, names the host, is within its dates, has a strong key and a strong signature. The
/// certificate is read with a dedicated handshake (<see cref="CertificateFetcher"/>) so a bad certificate on an extra
/// host becomes a precise 6.2 finding instead of an unreachable target.
/// </summary>
public sealed class CertificateCheck : ICheck
{
    public const string Id = "RMP-CERT-001";

    public CheckRecord Info { get; } = CheckRegistry.Embedded.Get(Id);

    public async Task<CheckOutcome> RunAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var origins = context.AppOrigins().Where(o => o.Scheme == Uri.UriSchemeHttps).ToList();
        if (origins.Count == 0)
        {
            return CheckOutcome.Of(Info.RequirementId, RequirementStatus.NotApplicable, "the app serves no HTTPS origin");
        }

        var trust = CertificateTrust.FromPemFiles(context.Options.TrustedCaFiles);
        var results = await Task.WhenAll(origins.Select(async o =>
            (Origin: o, Captured: await CertificateFetcher.FetchAsync(o, context.Policy, context.Resolve, context.Options.RequestTimeout, cancellationToken))));
        var findings = new List<Finding>();
        var errors = new List<string>();
        var now = context.Time.GetUtcNow();
        foreach (var (origin, captured) in results)
        {
            if (captured.Leaf is not { } leaf)
            {
                errors.Add($"{origin}: {captured.Error}");
                continue;
            }

            var judgement = CertificateRules.Judge(leaf, captured.Presented, origin.Host, trust, now);
            var location = origin.ToString();
            if (judgement.Failures.Count > 0)
            {
                findings.Add(context.NewFinding(Info, Info.RequirementId, "Server certificate is not valid", location,
                    $"{leaf.Subject} (issuer {leaf.Issuer}):\n" + string.Join('\n', judgement.Failures.Select(f => "- " + f))));
            }

            if (judgement.Advisories.Count > 0)
            {
                findings.Add(context.NewFinding(Info, Info.RequirementId, "Server certificate expires soon", location,
                    string.Join('\n', judgement.Advisories.Select(a => "- " + a)), Severity.Low, advisory: true));
            }
        }

        var failed = findings.Count(f => !f.Advisory);
        if (failed > 0)
        {
            return CheckOutcome.Of(Info.RequirementId, RequirementStatus.Fail, $"{failed} of {origins.Count} origin(s) present an invalid certificate", findings);
        }

        return errors.Count > 0
            ? CheckOutcome.Of(Info.RequirementId, RequirementStatus.Error, "certificate not readable: " + string.Join("; ", errors), findings)
            : CheckOutcome.Of(Info.RequirementId, RequirementStatus.Pass, $"{origins.Count} origin(s) present valid certificates", findings);
    }
}
