using System.Security.Cryptography;
using System.Text;
using Rampart.ScanReports;

namespace Rampart.Server.Tests;

/// <summary>Makes ScanReport JSON the way <c>rampart scan --format json</c> writes it, with chosen failing locations. Each
/// location fails its own check of requirement 3, so N failing locations are N tickets (a ticket is one unmet requirement
/// per check; locations of one check would be instances of one ticket).</summary>
public static class ReportBuilder
{
    /// <summary>The check failing at location <paramref name="location"/>.</summary>
    public static string CheckId(int location) => $"RMP-SRV-{location:0000}";
    public const string RequirementId = "3";

    public static readonly DateTimeOffset ScannedAt = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A report of <paramref name="appKey"/> where requirement 3 fails at <paramref name="failing"/> locations.</summary>
    public static ScanReport Create(string appKey, int failing, int firstLocation = 0, string evidencePadding = "")
    {
        var findings = Enumerable.Range(firstLocation, failing)
            .Select(i =>
            {
                var location = $"https://{appKey}.example.com/page/{i}";
                return new Finding(CheckId(i), RequirementId, Rampart.Catalog.Severity.Medium, "No Strict-Transport-Security header",
                    location, "GET " + location + " → 200 without Strict-Transport-Security" + evidencePadding, Fingerprint(appKey, CheckId(i), location),
                    "Send Strict-Transport-Security: max-age=31536000.");
            })
            .ToList();
        var status = failing > 0 ? RequirementStatus.Fail : RequirementStatus.Pass;
        return new ScanReport(
            ScanReport.CurrentSchemaVersion,
            new ToolInfo("Rampart", "0.1.0"),
            new AppInfo("connect", appKey, appKey, $"https://{appKey}.example.com", $"https://{appKey}.example.com/atlassian-connect.json"),
            new CatalogInfo("2026", new DateOnly(2026, 10, 31)),
            ScannedAt,
            ScannedAt.AddMinutes(1),
            [new RequirementResult(RequirementId, "TLS 1.2 or later and HSTS", status, null, [.. findings.Select(f => f.CheckId).DefaultIfEmpty(CheckId(0))])],
            findings,
            [],
            []);
    }

    public static string Json(string appKey, int failing, int firstLocation = 0, string evidencePadding = "") =>
        ScanReportJson.Serialize(Create(appKey, failing, firstLocation, evidencePadding));

    private static string Fingerprint(string appKey, string checkId, string location) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{appKey}\n{checkId}\n{location}")))[..40];
}
