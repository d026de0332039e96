using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Tests.Reports;

public sealed class FindingLocationTests
{
    [Theory]
    [InlineData("https://app.example.com/rest?x=1")]
    [InlineData("http://app.example.com:8080/")]
    [InlineData("wss://app.example.com/socket")]
    public void Absolute_web_urls_are_urls(string text) =>
        FindingLocation.Parse(text).Kind.ShouldBe(FindingLocationKind.Url);

    [Theory]
    [InlineData("src/index.js:12", "src/index.js", 12, null)]
    [InlineData("src/index.js:12:5", "src/index.js", 12, 5)]
    [InlineData("manifest.yml:3", "manifest.yml", 3, null)]
    [InlineData(@"C:\app\src\a.ts:7:1", @"C:\app\src\a.ts", 7, 1)]
    [InlineData(" static/app.js:1 ", "static/app.js", 1, null)]
    public void File_positions_are_split_into_path_line_and_column(string text, string path, int line, int? column)
    {
        var location = FindingLocation.Parse(text);

        location.Kind.ShouldBe(FindingLocationKind.File);
        location.Path.ShouldBe(path);
        location.Line.ShouldBe(line);
        location.Column.ShouldBe(column);
    }

    [Theory]
    [InlineData("$.modules.jiraIssueGlances[0].url")]
    [InlineData("$['authentication']")]
    public void Dollar_paths_are_json_paths(string text) =>
        FindingLocation.Parse(text).Kind.ShouldBe(FindingLocationKind.JsonPath);

    [Theory]
    [InlineData("app.example.com:443")]
    [InlineData("app.example.com")]
    [InlineData("src/index.js:0")]
    [InlineData("src/index.js:x")]
    [InlineData("connection to host:443")]
    [InlineData(":12")]
    public void Anything_else_is_other(string text) =>
        FindingLocation.Parse(text).Kind.ShouldBe(FindingLocationKind.Other);

    [Fact]
    public void Column_zero_is_not_a_column()
    {
        var location = FindingLocation.Parse("src/index.js:4:0");

        location.Kind.ShouldBe(FindingLocationKind.Other);
    }
}
