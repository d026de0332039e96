using System.Text.Json.Nodes;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Rampart.Tests.Snapshots;

namespace Rampart.Scanning.Tests.Reports;

public sealed class SarifReportWriterTests
{
    private static async Task<JsonNode> WriteAsync(ScanReport report) =>
        JsonNode.Parse(await SampleReports.WriteAsync(new SarifReportWriter(), report))!;

    private static JsonNode Run(JsonNode sarif) => sarif["runs"]![0]!;

    private static JsonNode ResultFor(JsonNode sarif, string checkId) =>
        Run(sarif)["results"]!.AsArray().Single(r => (string?)r!["ruleId"] == checkId)!;

    [Fact]
    public async Task Hostile_report_validates_against_the_official_SARIF_2_1_0_schema()
    {
        var json = await SampleReports.WriteAsync(new SarifReportWriter(), SampleReports.Hostile());

        JsonSchemaValidation.ShouldBeValid(JsonSchemaValidation.SarifSchema, json);
    }

    /// <summary>What GitHub code scanning ingests, pinned by a reviewed file: rule metadata, levels, locations, escaping.</summary>
    [Fact]
    public async Task Hostile_report_matches_the_reviewed_snapshot()
    {
        var json = await SampleReports.WriteAsync(new SarifReportWriter(), SampleReports.Hostile());

        Snapshot.Match(json, "Reports/Expected/hostile-report.sarif");
    }

    [Fact]
    public async Task Report_without_findings_validates_too()
    {
        var json = await SampleReports.WriteAsync(new SarifReportWriter(), SampleReports.Clean());

        JsonSchemaValidation.ShouldBeValid(JsonSchemaValidation.SarifSchema, json);
    }

    [Fact]
    public async Task The_validator_rejects_SARIF_without_a_version()
    {
        var sarif = await WriteAsync(SampleReports.Hostile());
        sarif.AsObject().Remove("version");

        var errors = JsonSchemaValidation.Errors(JsonSchemaValidation.SarifSchema, sarif.ToJsonString());

        errors.ShouldContain(e => e.Contains("required", StringComparison.Ordinal) && e.Contains("version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_validator_rejects_an_unknown_level_and_a_result_without_a_message()
    {
        var sarif = await WriteAsync(SampleReports.Hostile());
        var result = Run(sarif)["results"]![0]!.AsObject();
        result["level"] = "fatal";
        result.Remove("message");

        var errors = JsonSchemaValidation.Errors(JsonSchemaValidation.SarifSchema, sarif.ToJsonString());

        errors.ShouldContain(e => e.Contains("/level", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("message", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Log_names_the_schema_version_and_tool()
    {
        var sarif = await WriteAsync(SampleReports.Hostile());
        var driver = Run(sarif)["tool"]!["driver"]!;

        ((string?)sarif["$schema"]).ShouldBe("https://json.schemastore.org/sarif-2.1.0.json");
        ((string?)sarif["version"]).ShouldBe("2.1.0");
        sarif["runs"]!.AsArray().Count.ShouldBe(1);
        ((string?)driver["name"]).ShouldBe("Rampart");
        ((string?)driver["version"]).ShouldBe("0.1.0");
        ((string?)driver["informationUri"]).ShouldBe(SarifReportWriter.DefaultInformationUri.AbsoluteUri);
    }

    [Fact]
    public async Task Information_uri_can_be_set()
    {
        var writer = new SarifReportWriter(new Uri("https://docs.example.org/rampart"));
        var sarif = JsonNode.Parse(await SampleReports.WriteAsync(writer, SampleReports.Clean()))!;

        ((string?)Run(sarif)["tool"]!["driver"]!["informationUri"]).ShouldBe("https://docs.example.org/rampart");
        Should.Throw<ArgumentException>(() => new SarifReportWriter(new Uri("relative/path", UriKind.Relative)));
    }

    [Fact]
    public async Task One_rule_per_distinct_check_with_title_remediation_tags_and_level()
    {
        var sarif = await WriteAsync(SampleReports.Hostile());
        var rules = Run(sarif)["tool"]!["driver"]!["rules"]!.AsArray();

        rules.Select(r => (string?)r!["id"]).ShouldBe(
            ["RMP-AUTH-001", "RMP-DNS-002", "RMP-HDR-003", "RMP-SCOPE-002", "RMP-SECRET-001", "RMP-TLS-001"]);
        var tls = rules.Single(r => (string?)r!["id"] == "RMP-TLS-001")!;
        ((string?)tls["name"]).ShouldBe("TLS10Accepted");
        ((string?)tls["shortDescription"]!["text"]).ShouldBe("TLS 1.0 accepted");
        ((string?)tls["help"]!["text"]).ShouldBe("Disable TLS 1.0 and 1.1 on the load balancer.");
        ((string?)tls["defaultConfiguration"]!["level"]).ShouldBe("error");
        tls["properties"]!["tags"]!.AsArray().Select(t => (string?)t).ShouldBe(["security", "requirement:1.1"]);
        ((string?)tls["properties"]!["security-severity"]).ShouldBe("8.0");

        var secret = rules.Single(r => (string?)r!["id"] == "RMP-SECRET-001")!;
        ((string)secret["help"]!["text"]!).ShouldContain("requirement 2.1", Case.Sensitive);

        var advisory = rules.Single(r => (string?)r!["id"] == "RMP-HDR-003")!;
        advisory["properties"]!["security-severity"].ShouldBeNull();
    }

    [Theory]
    [InlineData("RMP-AUTH-001", "error")] // critical
    [InlineData("RMP-TLS-001", "error")] // high
    [InlineData("RMP-SECRET-001", "warning")] // medium
    [InlineData("RMP-SCOPE-002", "note")] // low
    [InlineData("RMP-HDR-003", "note")] // info, advisory
    public async Task Severity_maps_to_level(string checkId, string level)
    {
        var sarif = await WriteAsync(SampleReports.Hostile());

        ((string?)ResultFor(sarif, checkId)["level"]).ShouldBe(level);
    }

    [Fact]
    public async Task Advisory_findings_are_notes_whatever_their_severity()
    {
        var report = SampleReports.Hostile();
        report = report with { Findings = [report.Findings[0] with { Advisory = true }] };

        var sarif = await WriteAsync(report);

        ((string?)Run(sarif)["results"]![0]!["level"]).ShouldBe("note");
    }

    [Fact]
    public async Task Result_carries_message_fingerprint_and_properties()
    {
        var report = SampleReports.Hostile();
        var finding = report.Findings.Single(f => f.CheckId == "RMP-AUTH-001");
        var sarif = await WriteAsync(report);
        var result = ResultFor(sarif, "RMP-AUTH-001");

        ((string?)result["message"]!["text"]).ShouldBe("Endpoint accepts a forged HS256 token (requirement 2.1)");
        ((string?)result["partialFingerprints"]!["rampart/v1"]).ShouldBe(finding.Fingerprint);
        ((string?)result["properties"]!["requirementId"]).ShouldBe("2.1");
        ((string?)result["properties"]!["severity"]).ShouldBe("critical");
        ((string?)result["properties"]!["evidence"]).ShouldBe(finding.Evidence.Replace("\uD800", "\uFFFD", StringComparison.Ordinal));
        var rules = Run(sarif)["tool"]!["driver"]!["rules"]!.AsArray();
        ((string?)rules[(int)result["ruleIndex"]!]!["id"]).ShouldBe("RMP-AUTH-001");
    }

    [Fact]
    public async Task Url_location_becomes_an_artifact_uri()
    {
        var sarif = await WriteAsync(SampleReports.Hostile());
        var physical = ResultFor(sarif, "RMP-AUTH-001")["locations"]![0]!["physicalLocation"]!;

        ((string?)physical["artifactLocation"]!["uri"]).ShouldBe(new Uri(SampleReports.UrlLocation).AbsoluteUri);
        physical["region"].ShouldBeNull();
    }

    [Fact]
    public async Task File_location_becomes_an_artifact_with_a_region()
    {
        var sarif = await WriteAsync(SampleReports.Hostile());
        var physical = ResultFor(sarif, "RMP-SECRET-001")["locations"]![0]!["physicalLocation"]!;

        ((string?)physical["artifactLocation"]!["uri"]).ShouldBe("src/resolvers/index.js");
        ((int?)physical["region"]!["startLine"]).ShouldBe(42);
        ((int?)physical["region"]!["startColumn"]).ShouldBe(7);
    }

    [Fact]
    public async Task Json_path_location_becomes_a_logical_location()
    {
        var sarif = await WriteAsync(SampleReports.Hostile());
        var location = ResultFor(sarif, "RMP-SCOPE-002")["locations"]![0]!;

        location["physicalLocation"].ShouldBeNull();
        ((string?)location["logicalLocations"]![0]!["fullyQualifiedName"]).ShouldBe(SampleReports.JsonPathLocation);
    }

    [Fact]
    public async Task Host_location_becomes_a_logical_resource()
    {
        var sarif = await WriteAsync(SampleReports.Hostile());
        var logical = ResultFor(sarif, "RMP-DNS-002")["locations"]![0]!["logicalLocations"]![0]!;

        ((string?)logical["fullyQualifiedName"]).ShouldBe(SampleReports.HostLocation);
        ((string?)logical["kind"]).ShouldBe("resource");
    }

    [Fact]
    public async Task Run_properties_carry_every_requirement_status()
    {
        var sarif = await WriteAsync(SampleReports.Hostile());
        var properties = Run(sarif)["properties"]!;

        properties["requirements"]!.AsArray().Select(r => $"{r!["id"]}={r["status"]}").ShouldBe(
            ["1.1=fail", "2.1=fail", "3=pass", "4.2=manual", "5=not-applicable", "6.2=error", "G1=pass"]);
        ((string?)properties["verdict"]).ShouldBe("failed");
        ((string?)properties["app"]!["name"]).ShouldBe(SampleReports.HostileName);
        ((string?)properties["skipped"]![0]!["checkId"]).ShouldBe("RMP-AUTH-002");
        ((string?)properties["upcoming"]![0]!["requirementId"]).ShouldBe("7.4");
    }

    [Fact]
    public async Task Unverified_requirements_are_tool_execution_errors()
    {
        var sarif = await WriteAsync(SampleReports.Hostile());
        var invocation = Run(sarif)["invocations"]![0]!;

        ((bool?)invocation["executionSuccessful"]).ShouldBe(false);
        ((string?)invocation["startTimeUtc"]).ShouldBe("2026-11-02T09:15:00.000Z");
        ((string?)invocation["endTimeUtc"]).ShouldBe("2026-11-02T09:15:42.500Z");
        var notification = invocation["toolExecutionNotifications"]!.AsArray().Single()!;
        ((string?)notification["level"]).ShouldBe("error");
        ((string?)notification["message"]!["text"]).ShouldStartWith("Requirement 6.2 could not be verified: connection reset by peer");
    }

    [Fact]
    public async Task Output_escapes_html_so_the_log_can_be_embedded_in_a_page()
    {
        var json = await SampleReports.WriteAsync(new SarifReportWriter(), SampleReports.Hostile());

        json.ShouldNotContain("<svg", Case.Insensitive);
        json.ShouldNotContain("<script", Case.Insensitive);
    }
}
