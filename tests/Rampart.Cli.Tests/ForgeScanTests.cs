using System.IO.Compression;
using System.Text.Json;

namespace Rampart.Cli.Tests;

/// <summary><c>rampart scan DIR|ZIP</c> on apps of the Forge test corpus (copied from tests/Rampart.Forge.Tests/Corpus).</summary>
public sealed class ForgeScanTests
{
    private static string App(string name) => Path.Combine(AppContext.BaseDirectory, "ForgeCorpus", name);

    [Fact]
    public async Task A_flawed_forge_app_exits_1_and_names_the_finding_with_file_line_and_column()
    {
        var result = await CliRunner.RunAsync("scan", App("authz-bypass-resolver"), "-q");

        result.ExitCode.ShouldBe(1, result.Error);
        result.Out.ShouldContain("RMP-FORGE-001");
        result.Out.ShouldContain("src/index.js:7:");
        result.Out.ShouldContain("forge app");
    }

    [Fact]
    public async Task A_clean_forge_app_exits_0()
    {
        var result = await CliRunner.RunAsync("scan", App("authz-as-user"), "-q");

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
    }

    [Fact]
    public async Task Sarif_output_carries_the_finding_with_its_region()
    {
        var result = await CliRunner.RunAsync("scan", App("authz-cross-module-ts"), "-q", "--format", "sarif");

        result.ExitCode.ShouldBe(1, result.Error);
        using var sarif = JsonDocument.Parse(result.StandardOutput);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var finding = results.Single(r => r.GetProperty("ruleId").GetString() == "RMP-FORGE-001");
        var location = finding.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("src/services/issues.ts");
        location.GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(12);
        location.GetProperty("region").GetProperty("startColumn").GetInt32().ShouldBe(11);
    }

    [Fact]
    public async Task Json_report_kind_is_forge_egress_when_the_manifest_declares_egress()
    {
        var result = await CliRunner.RunAsync("scan", App("egress-and-csp-unsafe"), "-q", "--format", "json");

        result.ExitCode.ShouldBe(1, result.Error);
        using var json = JsonDocument.Parse(result.StandardOutput);
        json.RootElement.GetProperty("app").GetProperty("kind").GetString().ShouldBe("forge-egress");
    }

    [Fact]
    public async Task A_zip_of_the_app_scans_like_the_directory()
    {
        var zip = Path.Combine(Path.GetTempPath(), $"rampart-forge-{Guid.NewGuid():N}.zip");
        try
        {
            ZipFile.CreateFromDirectory(App("authz-bypass-resolver"), zip, CompressionLevel.Fastest, includeBaseDirectory: true);
            var result = await CliRunner.RunAsync("scan", zip, "-q");

            result.ExitCode.ShouldBe(1, result.Error);
            result.Out.ShouldContain("src/index.js:7:");
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public async Task A_broken_manifest_exits_2_with_the_line()
    {
        var directory = Directory.CreateTempSubdirectory("rampart-forge-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "manifest.yml"), "app:\n  id: x\nmodules:\n  function:\n    - key: a\n      handler: [unclosed\n");
            var result = await CliRunner.RunAsync("scan", directory.FullName, "-q");

            result.ExitCode.ShouldBe(2, result.Out + result.Error);
            result.Error.ShouldContain("manifest.yml:");
            result.Error.ShouldNotContain("   at ");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Connect_only_options_are_refused_for_a_forge_app()
    {
        var result = await CliRunner.RunAsync("scan", App("authz-as-user"), "--user-jwt", "x.y.z", "-q");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("Connect scans");
    }
}
