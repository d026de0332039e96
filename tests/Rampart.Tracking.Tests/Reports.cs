using System.Security.Cryptography;
using System.Text;
using Rampart.Catalog;
using Rampart.ScanReports;

namespace Rampart.Tracking.Tests;

/// <summary>Builds ScanReports for ingest tests.</summary>
internal static class Reports
{
    public static readonly DateTimeOffset ScanTime = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A finding named <paramref name="name"/>: its location ends in the name and its fingerprint is
    /// <see cref="Fp"/> of it, so tests speak of "fp-1" while ingest sees a real 40-hex fingerprint.</summary>
    public static Finding Finding(string name, string check = "RMP-HSTS-001", string requirement = "3", string? location = null, string evidence = "Strict-Transport-Security: missing", Severity severity = Severity.High, bool advisory = false) =>
        new(check, requirement, severity, $"{check} failed", location ?? $"https://app.vendor.example/{name}", evidence, Fp(name), "Fix it.", advisory);

    /// <summary>The fingerprint of the finding named <paramref name="name"/>: lowercase hex SHA-1, 40 digits like a scanner's.</summary>
    public static string Fp(string name) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(name)));

    public static RequirementResult Requirement(string id, RequirementStatus status, params string[] checks) =>
        new(id, $"Requirement {id}", status, null, checks);

    /// <summary>A report whose requirements are derived from the findings (fail) plus the given extra results.</summary>
    public static ScanReport Report(string appKey, IEnumerable<Finding> findings, IEnumerable<RequirementResult>? requirements = null, DateTimeOffset? startedAt = null, IEnumerable<SkippedProbe>? skipped = null)
    {
        var list = findings.ToList();
        var results = (requirements ?? []).ToList();
        foreach (var group in list.Where(f => !f.Advisory).GroupBy(f => f.RequirementId))
        {
            if (results.All(r => r.Id != group.Key))
            {
                results.Add(Requirement(group.Key, RequirementStatus.Fail, [.. group.Select(f => f.CheckId).Distinct()]));
            }
        }

        var start = startedAt ?? ScanTime;
        return new ScanReport(
            ScanReport.CurrentSchemaVersion,
            new ToolInfo("rampart", "0.1.0"),
            new AppInfo("connect", appKey, "App", "https://app.vendor.example", "https://app.vendor.example/atlassian-connect.json"),
            new CatalogInfo("2026", new DateOnly(2026, 10, 31)),
            start,
            start.AddMinutes(1),
            results,
            list,
            [],
            (skipped ?? []).ToList());
    }

    public static MemoryStream ToStream(ScanReport report) => new(Encoding.UTF8.GetBytes(ScanReportJson.Serialize(report)));

    public static MemoryStream Json(string json) => new(Encoding.UTF8.GetBytes(json));
}
