using Rampart.Catalog;

namespace Rampart.ScanReports;

/// <summary>
/// The result of one scan: the public contract between scanning and tracking (docs/scan-report.md).
/// Changing a field's meaning needs a new <see cref="SchemaVersion"/>.
/// </summary>
public sealed record ScanReport(
    int SchemaVersion,
    ToolInfo Tool,
    AppInfo App,
    CatalogInfo Catalog,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<RequirementResult> Requirements,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<UpcomingRequirement> Upcoming,
    IReadOnlyList<SkippedProbe> Skipped)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>True when any requirement failed: the CI gate (exit code 1).</summary>
    public bool HasFailures => Requirements.Any(r => r.Status == RequirementStatus.Fail && !r.Guideline);
}

public sealed record ToolInfo(string Name, string Version);

/// <param name="Kind">One of <c>connect</c>, <c>forge</c>, <c>forge-egress</c>, <c>power-up</c>.</param>
public sealed record AppInfo(string Kind, string Key, string Name, string? BaseUrl, string? DescriptorUrl);

public sealed record CatalogInfo(string Id, DateOnly Effective);

/// <param name="Checks">The check ids that decided the status (empty for manual requirements).</param>
/// <param name="Guideline">A recommendation, not a requirement: its failures are advisory and never fail a scan.</param>
public sealed record RequirementResult(
    string Id,
    string Title,
    RequirementStatus Status,
    string? Reason,
    IReadOnlyList<string> Checks,
    bool Guideline = false);

/// <summary>A check's verdict that a requirement is not met at a location.</summary>
/// <param name="Advisory">Advisory findings (guidelines, upcoming requirements, hints) never fail a requirement and never open tickets.</param>
public sealed record Finding(
    string CheckId,
    string RequirementId,
    Severity Severity,
    string Title,
    string Location,
    string Evidence,
    string Fingerprint,
    string? Remediation = null,
    bool Advisory = false);

/// <summary>A requirement published in a catalog that is not yet in effect.</summary>
public sealed record UpcomingRequirement(string CatalogId, DateOnly Effective, string RequirementId, string Title);

/// <summary>A probe Rampart chose not to send, with the reason (for example a state-changing POST).</summary>
public sealed record SkippedProbe(string CheckId, string Location, string Reason);
