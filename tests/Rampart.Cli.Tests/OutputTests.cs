using Rampart.Tests.Snapshots;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Cli.Tests;

public sealed class OutputTests
{
    [Fact]
    public async Task Json_on_stdout_is_the_report_and_nothing_else()
    {
        await using var target = await DemoTarget.StartAsync("broken-authz-app");

        var result = await CliRunner.RunAsync(target.ScanArgs("-f", "json", "--user-jwt", target.App.CreateContextJwt(target.App.UserAccountId)));

        result.ExitCode.ShouldBe(1, result.Error);
        var report = ScanReportJson.Deserialize(result.StandardOutput);
        report.App.Key.ShouldBe("broken-authz-app");
        report.Requirements.Single(r => r.Id == "1.2").Status.ShouldBe(RequirementStatus.Fail);
        result.Out.ShouldNotContain("Req");
    }

    [Fact]
    public async Task Each_output_file_gets_the_next_format_and_the_console_table_still_shows()
    {
        await using var target = await DemoTarget.StartAsync("open-install-app");
        var directory = Directory.CreateTempSubdirectory("rampart-cli-").FullName;
        string File(string name) => Path.Combine(directory, name);

        var result = await CliRunner.RunAsync(target.ScanArgs("--allow-state-changing",
            "-f", "console", "-f", "sarif", "-o", File("r.sarif"), "-f", "junit", "-o", File("r.xml"),
            "-f", "markdown", "-o", File("r.md"), "-f", "html", "-o", File("r.html"), "-f", "json", "-o", File("r.json")));

        result.ExitCode.ShouldBe(1, result.Error);
        result.Out.ShouldContain("RMP-AUTH-003");
        using (var sarif = JsonDocument.Parse(await System.IO.File.ReadAllTextAsync(File("r.sarif"))))
        {
            sarif.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        }

        XDocument.Load(File("r.xml")).Descendants("failure").ShouldNotBeEmpty();
        (await System.IO.File.ReadAllTextAsync(File("r.md"))).ShouldContain("RMP-AUTH-003");
        (await System.IO.File.ReadAllTextAsync(File("r.html"))).ShouldContain("RMP-AUTH-003");
        ScanReportJson.Deserialize(await System.IO.File.ReadAllTextAsync(File("r.json"))).HasFailures.ShouldBeTrue();
        Directory.GetFiles(directory, "*.tmp").ShouldBeEmpty();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_hostile_descriptor_cannot_style_the_terminal()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.Run(ctx => ctx.Response.WriteAsync("""
            {"key":"[red]evil[/]","name":"[bold]Pwned[/] \u001b[2J","baseUrl":"http://127.0.0.1:1/","authentication":{"type":"none"}}
            """));
        await app.StartAsync();

        var result = await CliRunner.RunAsync("scan", app.Urls.First() + "/atlassian-connect.json", "--allow-private-network", "-q");

        result.Out.ShouldContain("[red]evil[/]");
        result.Out.ShouldContain("[bold]Pwned[/]");
        result.Out.ShouldNotContain("\u001b[2J");
    }

    [Fact]
    public async Task The_catalog_command_prints_the_requirements_and_their_checks()
    {
        var result = await CliRunner.RunAsync("catalog", "--id", "2022");

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldContain("1.4");
        result.Out.ShouldContain("RMP-AUTH-003");
        result.Out.ShouldContain("Available catalogs: 2020");
    }

    [Fact]
    public async Task Help_lists_the_commands_and_matches_the_snapshot()
    {
        var result = await CliRunner.RunAsync("--help");

        result.ExitCode.ShouldBe(0);
        Snapshot.Match(result.Out, "Expected/help.txt");
    }

    [Fact]
    public async Task Scan_help_documents_every_option_and_matches_the_snapshot()
    {
        var result = await CliRunner.RunAsync("scan", "--help");

        result.ExitCode.ShouldBe(0);
        Snapshot.Match(result.Out, "Expected/scan-help.txt");
    }
}
