using Rampart.Catalog;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Rampart.Scanning.Tls;

namespace Rampart.Scanning.Checks.Tls;

/// <summary>RMP-TLS-002 (guideline): every suite an https origin accepts belongs to Mozilla's intermediate profile.</summary>
public sealed class TlsCipherSuiteCheck : ICheck
{
    public const string Id = "RMP-TLS-002";

    public CheckRecord Info { get; } = CheckRegistry.Embedded.Get(Id);

    private string Guideline => Info.RequirementId;

    public async Task<CheckOutcome> RunAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var origins = context.AppOrigins().Where(o => o.Scheme == Uri.UriSchemeHttps).ToList();
        if (origins.Count == 0)
        {
            return CheckOutcome.Of(Guideline, RequirementStatus.NotApplicable, "the app has no https origin");
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

            var outside = assessment.Versions
                .Where(v => v.Status == ProbeStatus.Accepted)
                .SelectMany(v => v.Suites.Where(s => !s.MozillaIntermediate).Select(s => $"{TlsVersionWire.Name(v.Version)} {s.Name} ({s.Hex})"))
                .ToList();
            if (outside.Count > 0)
            {
                findings.Add(context.NewFinding(Info, Guideline, $"{outside.Count} cipher suites outside Mozilla intermediate",
                    location, $"{location} ({assessment.Address}) accepts: {string.Join("; ", outside)}.", advisory: true));
            }

            errors.AddRange(assessment.Versions.Where(v => v.EnumerationError is not null)
                .Select(v => $"{location}: {TlsVersionWire.Name(v.Version)} suite enumeration incomplete: {v.EnumerationError}"));
        }

        if (findings.Count > 0)
        {
            return CheckOutcome.Of(Guideline, RequirementStatus.Fail, $"{findings.Count} origins accept suites outside the profile", findings);
        }

        return errors.Count > 0
            ? CheckOutcome.Of(Guideline, RequirementStatus.Error, string.Join("; ", errors))
            : CheckOutcome.Of(Guideline, RequirementStatus.Pass, $"{origins.Count} origins accept only Mozilla intermediate suites");
    }
}
