using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Rampart.Tests.Snapshots;

namespace Rampart.Scanning.Tests.Reports;

public sealed class JUnitReportWriterTests
{
    private static Task<string> WriteAsync(ScanReport report) => SampleReports.WriteAsync(new JUnitReportWriter(), report);

    private static XElement Suite(string xml) => XDocument.Parse(xml).Root!.Element("testsuite")!;

    private static XElement TestCase(string xml, string requirementId) =>
        Suite(xml).Elements("testcase").Single(e => (string?)e.Attribute("classname") == $"requirement.{requirementId}");

    /// <summary>Validates against the Jenkins JUnit schema and returns the validation errors.</summary>
    private static List<string> SchemaErrors(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.Schemas.Add(null, JsonSchemaValidation.PathOf("Schemas", "junit-10.xsd"));
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    /// <summary>What CI test tabs show, pinned by a reviewed file: suite counts, failure messages, advisory guidelines.</summary>
    [Fact]
    public async Task Hostile_report_matches_the_reviewed_snapshot()
    {
        var xml = await WriteAsync(SampleReports.Hostile());

        Snapshot.Match(xml, "Reports/Expected/hostile-report.junit.xml");
    }

    [Fact]
    public async Task Hostile_report_validates_against_the_Jenkins_JUnit_schema()
    {
        var xml = await WriteAsync(SampleReports.Hostile());

        var errors = SchemaErrors(xml);

        errors.ShouldBeEmpty(string.Join('\n', errors));
    }

    [Fact]
    public async Task Report_without_findings_validates_too()
    {
        var errors = SchemaErrors(await WriteAsync(SampleReports.Clean()));

        errors.ShouldBeEmpty(string.Join('\n', errors));
    }

    [Fact]
    public void The_schema_rejects_a_test_suite_without_counts()
    {
        const string xml = "<testsuites><testsuite name=\"x\"><testcase name=\"y\"/><unknown/></testsuite></testsuites>";

        var errors = SchemaErrors(xml);

        errors.ShouldContain(e => e.Contains("tests", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("unknown", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suite_counts_match_the_report()
    {
        var suite = Suite(await WriteAsync(SampleReports.Hostile()));

        ((string?)suite.Attribute("name")).ShouldBe("rampart:com.example.hostile");
        ((string?)suite.Attribute("tests")).ShouldBe("7");
        ((string?)suite.Attribute("failures")).ShouldBe("2");
        ((string?)suite.Attribute("errors")).ShouldBe("1");
        ((string?)suite.Attribute("skipped")).ShouldBe("2");
        ((string?)suite.Attribute("time")).ShouldBe("42.5");
        ((string?)suite.Attribute("timestamp")).ShouldBe("2026-11-02T09:15:00Z");
        suite.Elements("testcase").Count().ShouldBe(7);
        suite.Elements("testcase").Count(t => t.Element("failure") is not null).ShouldBe(2);
        suite.Elements("testcase").Count(t => t.Element("error") is not null).ShouldBe(1);
        suite.Elements("testcase").Count(t => t.Element("skipped") is not null).ShouldBe(2);
    }

    [Fact]
    public async Task One_test_case_per_requirement_named_by_id_and_title()
    {
        var suite = Suite(await WriteAsync(SampleReports.Hostile()));

        suite.Elements("testcase").Select(t => (string?)t.Attribute("classname")).ShouldBe(
            ["requirement.1.1", "requirement.2.1", "requirement.3", "requirement.4.2", "requirement.5", "requirement.6.2", "requirement.G1"]);
        ((string?)suite.Elements("testcase").First().Attribute("name")).ShouldBe("1.1 Use TLS 1.2 or later <b>bold</b>");
    }

    [Fact]
    public async Task Failure_carries_every_finding_with_its_evidence()
    {
        var failure = TestCase(await WriteAsync(SampleReports.Hostile()), "2.1").Element("failure")!;

        ((string?)failure.Attribute("message")).ShouldBe("3 findings, the most severe critical");
        ((string?)failure.Attribute("type")).ShouldBe("critical");
        failure.Value.ShouldContain("[critical] RMP-AUTH-001 Endpoint accepts a forged HS256 token");
        failure.Value.ShouldContain("<script>alert(1)</script>");
        failure.Value.ShouldContain("| cell | `code` |");
        failure.Value.ShouldContain("const token = `sk_live_0000`;");
        failure.Value.ShouldContain("Location: " + SampleReports.FileLocation);
    }

    [Fact]
    public async Task Characters_xml_cannot_carry_are_replaced_not_written()
    {
        var xml = await WriteAsync(SampleReports.Hostile());
        var failure = TestCase(xml, "2.1").Element("failure")!;

        failure.Value.ShouldContain("\uFFFD[31mred\uFFFD[0m \uFFFD\uFFFD \uFFFD end");
        xml.ShouldNotContain("\u0000");
        xml.ShouldNotContain("&#x0;");
        xml.ShouldNotContain("&#x1B;", Case.Insensitive);
    }

    [Fact]
    public async Task Failure_message_uses_the_reason_when_there_is_one()
    {
        var failure = TestCase(await WriteAsync(SampleReports.Hostile()), "1.1").Element("failure")!;

        ((string?)failure.Attribute("message")).ShouldBe("TLS 1.0 | 1.1 offered; 1 finding: TLS 1.0 accepted");
        ((string?)failure.Attribute("type")).ShouldBe("high");
    }

    [Fact]
    public async Task Error_manual_and_not_applicable_map_to_error_and_skipped()
    {
        var xml = await WriteAsync(SampleReports.Hostile());

        ((string?)TestCase(xml, "6.2").Element("error")!.Attribute("message")).ShouldBe("connection reset by peer\uFFFD");
        ((string?)TestCase(xml, "4.2").Element("skipped")!.Attribute("message")).ShouldBe("manual: Needs the vendor's attestation | <i>x</i>");
        ((string?)TestCase(xml, "5").Element("skipped")!.Attribute("message"))
            .ShouldBe("not applicable: authentication type none and static content only");
        TestCase(xml, "3").Elements().ShouldBeEmpty();
    }

    [Fact]
    public async Task Advisory_findings_go_to_system_out_of_their_passing_test_case()
    {
        var testCase = TestCase(await WriteAsync(SampleReports.Hostile()), "G1");

        testCase.Element("failure").ShouldBeNull();
        testCase.Element("system-out")!.Value.ShouldContain("Referrer-Policy missing");
    }

    [Fact]
    public async Task Unlisted_findings_probes_and_upcoming_requirements_go_to_the_suite_output()
    {
        var output = Suite(await WriteAsync(SampleReports.Hostile())).Element("system-out")!.Value;

        output.ShouldContain("[low] RMP-DNS-002 Dangling CNAME");
        output.ShouldContain("RMP-AUTH-002 https://app.example.com/installed: POST would change state `|` <b>");
        output.ShouldContain("7.4 Rotate <secrets> | yearly (catalog 2027, in effect from 2027-10-31)");
    }

    [Fact]
    public async Task App_name_survives_as_text()
    {
        var suite = Suite(await WriteAsync(SampleReports.Hostile()));

        suite.Element("properties")!.Elements("property")
            .Single(p => (string?)p.Attribute("name") == "app.name")
            .Attribute("value")!.Value.ShouldBe(SampleReports.HostileName);
    }

    [RequiresNodeFact]
    public async Task A_third_party_JUnit_parser_reads_the_counts_the_report_has()
    {
        var report = SampleReports.Hostile();
        var file = Path.Combine(Path.GetTempPath(), $"rampart-junit-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, await WriteAsync(report));
        try
        {
            var consumer = await NodeTooling.InstallAsync(JsonSchemaValidation.PathOf("JUnitConsumer"), CancellationToken.None);
            var json = await NodeTooling.RunScriptAsync(consumer, "parse.mjs", [file], CancellationToken.None);
            var parsed = JsonNode.Parse(json)!;

            var suite = parsed["testsuite"]!.AsArray().Single()!;
            ((string?)suite["name"]).ShouldBe("rampart:com.example.hostile");
            suite["tests"]!.ToString().ShouldBe("7");
            suite["failures"]!.ToString().ShouldBe("2");
            suite["errors"]!.ToString().ShouldBe("1");
            suite["skipped"]!.ToString().ShouldBe("2");
            parsed["tests"]!.ToString().ShouldBe("7");

            var testCases = suite["testcase"]!.AsArray();
            testCases.Count.ShouldBe(report.Requirements.Count);
            testCases.Count(t => t!["failure"] is not null).ShouldBe(2);
            testCases.Count(t => t!["error"] is not null).ShouldBe(1);
            testCases.Count(t => t!["skipped"] is not null).ShouldBe(2);
            ((string?)testCases[0]!["name"]).ShouldBe("1.1 Use TLS 1.2 or later <b>bold</b>");
            var failure = testCases[1]!["failure"]![0]!;
            ((string?)failure["inner"]).ShouldNotBeNull().ShouldContain("<script>alert(1)</script>");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
