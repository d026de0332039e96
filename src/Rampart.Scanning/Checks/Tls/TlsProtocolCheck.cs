using Rampart.Catalog;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Rampart.Scanning.Tls;

namespace Rampart.Scanning.Checks.Tls;

/// <summary>RMP-TLS-001: every https origin of the app accepts TLS 1.2 or 1.3 and nothing older.</summary>
public sealed class TlsProtocolCheck : ICheck
{
    public const string Id = "RMP-TLS-001";

    public CheckRecord Info { get; } = CheckRegistry.Embedded.Get(Id);

    private string Requirement => Info.RequirementId;

    public async Task<CheckOutcome> RunAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var origins = context.AppOrigins().Where(o => o.Scheme == Uri.UriSchemeHttps).ToList();
        if (origins.Count == 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.NotApplicable, "the app has no https origin");
        }

        var findings = new List<Finding>();
        var errors = new List<string>();
        foreach (var origin in origins)
        {
            var assessment = await context.Tls.AssessAsync(origin, cancellationToken);
            var location = origin.ToString();
            if (assessment.Error is not null)
            {
                errors.Add($"{location}: {assessment.Error}");
                continue;
            }

            var accepted = assessment.Accepted.ToList();
            var legacy = accepted.Where(v => v < TlsVersion.Tls12).ToList();
            var failed = assessment.Versions.Where(v => v.Status == ProbeStatus.Error).ToList();
            var summary = Summary(assessment);
            if (legacy.Count > 0)
            {
                findings.Add(context.NewFinding(Info, Requirement,
                    $"Obsolete protocol accepted: {string.Join(", ", legacy.Select(TlsVersionWire.Name))}", location,
                    $"{location} ({assessment.Address}) {summary}"));
            }
            else if (!accepted.Contains(TlsVersion.Tls12) && !accepted.Contains(TlsVersion.Tls13) && failed.Count == 0)
            {
                findings.Add(context.NewFinding(Info, Requirement, "Neither TLS 1.2 nor TLS 1.3 is accepted", location,
                    $"{location} ({assessment.Address}) {summary}"));
            }

            errors.AddRange(failed.Select(v => $"{location}: {TlsVersionWire.Name(v.Version)} probe failed: {v.Detail}"));
        }

        if (findings.Count > 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.Fail,
                $"{findings.Count} of {origins.Count} origins accept an obsolete protocol or no current one", findings);
        }

        return errors.Count > 0
            ? CheckOutcome.Of(Requirement, RequirementStatus.Error, string.Join("; ", errors))
            : CheckOutcome.Of(Requirement, RequirementStatus.Pass, $"{origins.Count} origins accept only TLS 1.2/1.3");
    }

    private static string Summary(TlsAssessment assessment) =>
        "accepts " + (assessment.Accepted.Any() ? string.Join(", ", assessment.Accepted.Select(TlsVersionWire.Name)) : "no protocol") +
        "; refuses " + string.Join(", ", assessment.Versions.Where(v => v.Status == ProbeStatus.Rejected).Select(v => TlsVersionWire.Name(v.Version))) + ".";
}
