using Rampart.Cli.Output;
using Rampart.Scanning.Tests.Reports;
using Rampart.Tests.Snapshots;

namespace Rampart.Cli.Tests;

/// <summary>
/// A CI job that sends every format to a file still shows its result in the log (issue 15, item 3): the requirement
/// table, the counts and where the files went, on stderr; <c>-q</c> leaves stderr to errors alone.
/// </summary>
public sealed class StderrSummaryTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("rampart-cli-summary-");

    private string In(string name) => Path.Combine(directory.FullName, name);

    [Fact]
    public void The_summary_renders_as_the_reviewed_text()
    {
        var text = new StringWriter();

        ConsoleReport.WriteSummary(SampleReports.Hostile(), [new OutputTarget("sarif", "rampart.sarif"), new OutputTarget("junit", "out/rampart.xml")], CliRunner.Console(text));

        Snapshot.Match(text.ToString(), "Expected/summary-hostile.txt");
    }

    [Fact]
    public async Task When_every_format_goes_to_a_file_stderr_shows_the_table_the_counts_and_the_files()
    {
        await using var target = await DemoTarget.StartAsync("leaky-app");

        var result = await CliRunner.RunAsync([.. target.ScanArgs("-f", "sarif", "-o", In("r.sarif"), "-f", "junit", "-o", In("r.xml")).Where(a => a != "-q")]);

        result.ExitCode.ShouldBe(1, result.Error);
        result.Out.ShouldBeEmpty();
        result.StandardOutput.ShouldBeEmpty();
        result.Error.ShouldContain("│ Req");
        result.Error.ShouldContain("FAIL");
        result.Error.ShouldContain($"sarif    {In("r.sarif")}");
        result.Error.ShouldContain($"junit    {In("r.xml")}");
        System.Text.RegularExpressions.Regex.IsMatch(result.Error, @"(?m)^\d+ pass, .*\d+ FAIL").ShouldBeTrue(result.Error);
        // The summary, not the whole report: the evidence is in the files.
        result.Error.ShouldNotContain("    | ");
    }

    [Fact]
    public async Task Quiet_prints_nothing_on_stderr_when_all_goes_well()
    {
        await using var target = await DemoTarget.StartAsync("leaky-app");

        var result = await CliRunner.RunAsync(target.ScanArgs("-f", "sarif", "-o", In("r.sarif")));

        result.ExitCode.ShouldBe(1, result.Error);
        result.Error.ShouldBeEmpty();
        result.Out.ShouldBeEmpty();
        File.Exists(In("r.sarif")).ShouldBeTrue();
    }

    [Fact]
    public async Task Quiet_demo_prints_nothing_on_stderr()
    {
        var result = await CliRunner.RunAsync("demo", "--app", "secure-app", "-q", "-f", "json", "-o", In("demo.json"));

        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldBeEmpty();
        File.Exists(In("demo.json")).ShouldBeTrue();
    }

    public void Dispose() => directory.Delete(recursive: true);
}
