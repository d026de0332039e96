using System.Text.Json.Nodes;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Tests.Reports;

public sealed class JsonReportWriterTests
{
    [Fact]
    public async Task Output_is_the_contract_serialization()
    {
        var report = SampleReports.Hostile();

        var json = await SampleReports.WriteAsync(new JsonReportWriter(), report);

        json.ShouldBe(ScanReportJson.Serialize(report));
    }

    [Fact]
    public async Task Report_round_trips_through_the_contract()
    {
        var json = await SampleReports.WriteAsync(new JsonReportWriter(), SampleReports.Hostile());

        var read = ScanReportJson.Deserialize(json);

        ScanReportJson.Serialize(read).ShouldBe(json);
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
