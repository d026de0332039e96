using Rampart.Catalog;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Tests.Reports;

/// <summary>Reports for the writer tests, full of the values a hostile app or server would send.</summary>
internal static class SampleReports
{
    public const string AppKey = "com.example.hostile";

    public const string HostileName = "Hostile <svg/onload=alert(1)> | *app* `x` [click](javascript:alert(1)) $math$";

    public const string UrlLocation = "https://app.example.com/rest/issue?jwt=eyJ0&project=<svg>&q=a|b`c";

    public const string FileLocation = "src/resolvers/index.js:42:7";

    public const string JsonPathLocation = "$.modules.webhooks[0].url";

    public const string HostLocation = "app.example.com:443";

    /// <summary>Pipes, backticks, a fence, a longer fence, HTML, a terminal escape, NUL, a bell and a lone surrogate.</summary>
    public const string HostileEvidence =
        "HTTP/1.1 200 OK\r\n| cell | `code` |\n```\nnot the end\n````\n<script>alert(1)</script>\n\u001b[31mred\u001b[0m \u0000\u0007 \uD800 end";

    public static ScanReport Hostile()
    {
        var started = new DateTimeOffset(2026, 11, 2, 9, 15, 0, TimeSpan.Zero);
        return new ScanReport(
            ScanReport.CurrentSchemaVersion,
            new ToolInfo("Rampart", "0.1.0"),
            new AppInfo("connect", AppKey, HostileName, "https://app.example.com", "https://app.example.com/atlassian-connect.json"),
            new CatalogInfo("2026", new DateOnly(2026, 10, 31)),
            started,
            started.AddSeconds(42.5),
            [
                new RequirementResult("1.1", "Use TLS 1.2 or later <b>bold</b>", RequirementStatus.Fail, "TLS 1.0 | 1.1 offered", ["RMP-TLS-001"]),
                new RequirementResult("2.1", "Authenticate every endpoint", RequirementStatus.Fail, null, ["RMP-AUTH-001", "RMP-SECRET-001", "RMP-SCOPE-002"]),
                new RequirementResult("3", "Send HSTS", RequirementStatus.Pass, null, ["RMP-HDR-001"]),
                new RequirementResult("4.2", "Report personal data", RequirementStatus.Manual, "Needs the vendor's attestation | <i>x</i>", []),
                new RequirementResult("5", "Prove domain control", RequirementStatus.NotApplicable, "authentication type none and static content only", ["RMP-DNS-001"]),
                new RequirementResult("6.2", "Secure cookies", RequirementStatus.Error, "connection reset by peer\u0007", ["RMP-HDR-004"]),
                new RequirementResult("G1", "Send a Referrer-Policy", RequirementStatus.Pass, null, ["RMP-HDR-003"]),
            ],
            [
                Finding("RMP-TLS-001", "1.1", Severity.High, "TLS 1.0 accepted", "https://app.example.com:443/",
                    "ClientHello TLS 1.0 -> ServerHello 0x0301", "Disable TLS 1.0 and 1.1 on the load balancer."),
                Finding("RMP-AUTH-001", "2.1", Severity.Critical, "Endpoint accepts a forged HS256 token", UrlLocation,
                    HostileEvidence, "Verify the JWT signature with the shared secret | reject `alg: none`."),
                Finding("RMP-SECRET-001", "2.1", Severity.Medium, "Hard-coded API token", FileLocation,
                    "const token = `sk_live_0000`; // ``` ``` ```", null),
                Finding("RMP-SCOPE-002", "2.1", Severity.Low, "Webhook URL over plain HTTP", JsonPathLocation,
                    "\"url\": \"http://app.example.com/hook\"", "Use https for every webhook."),
                Finding("RMP-DNS-002", "9.9", Severity.Low, "Dangling CNAME", HostLocation,
                    "CNAME app.example.com -> gone.herokudns.com (NXDOMAIN)", "Remove the record."),
                Finding("RMP-HDR-003", "G1", Severity.Info, "Referrer-Policy missing", "https://app.example.com/",
                    "HTTP/1.1 200 OK\nReferrer-Policy: (absent)", "Send Referrer-Policy: no-referrer.", advisory: true),
            ],
            [new UpcomingRequirement("2027", new DateOnly(2027, 10, 31), "7.4", "Rotate <secrets> | yearly")],
            [new SkippedProbe("RMP-AUTH-002", "https://app.example.com/installed", "POST would change state `|` <b>")]);
    }

    /// <summary>A scan where everything passed: no findings, no upcoming requirements, nothing skipped.</summary>
    public static ScanReport Clean()
    {
        var started = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.FromHours(1));
        return new ScanReport(
            ScanReport.CurrentSchemaVersion,
            new ToolInfo("Rampart", "0.1.0"),
            new AppInfo("forge", "clean-app", "Clean app", null, null),
            new CatalogInfo("2026", new DateOnly(2026, 10, 31)),
            started,
            started.AddSeconds(3),
            [new RequirementResult("3", "Send HSTS", RequirementStatus.Pass, null, ["RMP-HDR-001"])],
            [],
            [],
            []);
    }

    private static Finding Finding(string checkId, string requirementId, Severity severity, string title, string location,
        string evidence, string? remediation, bool advisory = false) =>
        new(checkId, requirementId, severity, title, location, evidence, Fingerprint.Compute(AppKey, checkId, location), remediation, advisory);

    public static async Task<string> WriteAsync(IReportWriter writer, ScanReport report)
    {
        using var stream = new MemoryStream();
        await writer.WriteAsync(report, stream, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
