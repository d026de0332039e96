using System.Text.Json.Nodes;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Tests.Reports;

public sealed class JsonReportWriterTests
{
    /// <summary>
    /// The bytes a vendor's CI uploads, pinned by a file written and reviewed by hand, not by the serializer the writer
    /// itself calls: a changed option (naming, enum spelling, escaping, indentation) fails here.
    /// </summary>
    [Fact]
    public async Task Hostile_report_matches_the_expected_file()
    {
        var expected = (await File.ReadAllTextAsync(JsonSchemaValidation.PathOf("Expected", "hostile-report.json"))).ReplaceLineEndings("\n").TrimEnd();

        var json = await SampleReports.WriteAsync(new JsonReportWriter(), SampleReports.Hostile());

        json.ReplaceLineEndings("\n").TrimEnd().ShouldBe(expected, "rewrite Reports/Expected/hostile-report.json if the change is intended");
    }

    [Fact]
    public async Task Report_round_trips_through_the_contract()
    {
        var json = await SampleReports.WriteAsync(new JsonReportWriter(), SampleReports.Hostile());

        var read = ScanReportJson.Deserialize(json);

        // The reader stores NUL as U+FFFD (no database can hold it); everything else survives the round trip exactly.
        json.ShouldContain(@"\u0000");
        ScanReportJson.Serialize(read).ShouldBe(json.Replace(@"\u0000", @"\uFFFD", StringComparison.Ordinal));
        read.App.Name.ShouldBe(SampleReports.HostileName);
        read.Requirements.Select(r => r.Status).ShouldBe(SampleReports.Hostile().Requirements.Select(r => r.Status));
    }

    [Fact]
    public async Task Enums_are_spelled_as_the_contract_says()
    {
        var json = JsonNode.Parse(await SampleReports.WriteAsync(new JsonReportWriter(), SampleReports.Hostile()))!;

        json["requirements"]!.AsArray().Select(r => (string?)r!["status"]).ShouldBe(
            ["fail", "fail", "pass", "manual", "not-applicable", "error", "pass"]);
        json["findings"]!.AsArray().Select(f => (string?)f!["severity"]).ShouldBe(
            ["high", "critical", "medium", "low", "low", "info"]);
        ((int?)json["schemaVersion"]).ShouldBe(1);
    }

    [Fact]
    public async Task Html_in_values_is_escaped_so_the_json_is_safe_to_embed()
    {
        var json = await SampleReports.WriteAsync(new JsonReportWriter(), SampleReports.Hostile());

        json.ShouldNotContain("<svg", Case.Insensitive);
        json.ShouldContain(@"\u003Csvg/onload=alert(1)\u003E");
    }
}
