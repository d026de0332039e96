using Rampart.ScanReports;

namespace Rampart.Cli.Tests;

/// <summary>Where reports go (issue 11, defects 4 and 5): every requested file written, a failed write leaves nothing behind.</summary>
public sealed class ReportFileTests
{
    [Fact]
    public async Task The_same_format_twice_writes_both_files()
    {
        await using var target = await DemoTarget.StartAsync("secure-app");
        var directory = Directory.CreateTempSubdirectory("rampart-cli-twice-");
        var a = Path.Combine(directory.FullName, "a.json");
        var b = Path.Combine(directory.FullName, "b.json");

        var result = await CliRunner.RunAsync(target.ScanArgs("-f", "json", "-o", a, "-f", "json", "-o", b));

        result.ExitCode.ShouldBe(0, result.Error);
        ScanReportJson.Deserialize(await File.ReadAllTextAsync(a)).App.Key.ShouldBe("secure-app");
        ScanReportJson.Deserialize(await File.ReadAllTextAsync(b)).App.Key.ShouldBe("secure-app");
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task A_full_disk_is_an_output_failure_naming_the_file_not_bad_input()
    {
        // /dev/full answers every write with ENOSPC: the disk-full case without filling a disk.
        File.Exists("/dev/full").ShouldBeTrue("this test needs Linux's /dev/full");
        await using var target = await DemoTarget.StartAsync("secure-app");

        var result = await CliRunner.RunAsync(target.ScanArgs("-f", "json", "-o", "/dev/full"));

        result.ExitCode.ShouldBe(74, result.Out + result.Error);
        result.Error.ShouldContain("/dev/full");
        result.Error.ShouldNotContain("bad input");
    }

    [Fact]
    public async Task A_failed_write_leaves_no_temporary_file()
    {
        await using var target = await DemoTarget.StartAsync("secure-app");
        var directory = Directory.CreateTempSubdirectory("rampart-cli-tmp-");
        // The report's path is an existing directory: the final rename fails after the temporary file was written.
        var report = Directory.CreateDirectory(Path.Combine(directory.FullName, "report.json")).FullName;

        var result = await CliRunner.RunAsync(target.ScanArgs("-f", "json", "-o", report));

        result.ExitCode.ShouldNotBe(0, result.Error);
        directory.GetFiles("*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        directory.Delete(recursive: true);
    }
}
