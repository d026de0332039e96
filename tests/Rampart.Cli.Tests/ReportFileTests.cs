using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text;
using Rampart.Cli.Output;
using Rampart.ScanReports;

namespace Rampart.Cli.Tests;

/// <summary>
/// Where reports go (issue 11, defects 4 and 5; issue 15, item 3): every requested file written, a failed write leaves
/// nothing behind, a regular file is replaced atomically, a FIFO or device is written through and a symbolic link
/// stays a link, a directory is refused before the scan.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ReportFileTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("rampart-cli-files-");

    private string In(string name) => Path.Combine(directory.FullName, name);

    [Fact]
    public async Task The_same_format_twice_writes_both_files()
    {
        await using var target = await DemoTarget.StartAsync("secure-app");

        var result = await CliRunner.RunAsync(target.ScanArgs("-f", "json", "-o", In("a.json"), "-f", "json", "-o", In("b.json")));

        result.ExitCode.ShouldBe(0, result.Error);
        ScanReportJson.Deserialize(await File.ReadAllTextAsync(In("a.json"))).App.Key.ShouldBe("secure-app");
        ScanReportJson.Deserialize(await File.ReadAllTextAsync(In("b.json"))).App.Key.ShouldBe("secure-app");
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
        File.Exists("/dev/full").ShouldBeTrue();
    }

    [Fact]
    public async Task A_failed_write_keeps_the_old_file_and_leaves_no_temporary_file()
    {
        var report = In("report.json");
        await File.WriteAllTextAsync(report, "the previous report");

        var write = () => ReportFile.WriteAsync(report, async (stream, token) =>
        {
            await stream.WriteAsync("half a rep"u8.ToArray(), token);
            throw new IOException("No space left on device");
        }, CancellationToken.None);

        (await write.ShouldThrowAsync<IOException>()).Message.ShouldContain("No space left");
        (await File.ReadAllTextAsync(report)).ShouldBe("the previous report");
        directory.GetFiles().Select(f => f.Name).ShouldBe(["report.json"]);
    }

    [Fact]
    public async Task An_absent_file_is_created_and_a_regular_file_replaced_keeping_its_permissions()
    {
        await using var target = await DemoTarget.StartAsync("secure-app");
        var existing = In("existing.json");
        await File.WriteAllTextAsync(existing, "old");
        File.SetUnixFileMode(existing, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var absent = In("new/dir/report.json");

        var result = await CliRunner.RunAsync(target.ScanArgs("-f", "json", "-o", existing, "-f", "sarif", "-o", absent));

        result.ExitCode.ShouldBe(0, result.Error);
        ScanReportJson.Deserialize(await File.ReadAllTextAsync(existing)).App.Key.ShouldBe("secure-app");
        File.GetUnixFileMode(existing).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        (await File.ReadAllTextAsync(absent)).ShouldContain("\"2.1.0\"");
        directory.GetFiles("*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_fifo_is_written_through_and_stays_a_fifo()
    {
        await using var target = await DemoTarget.StartAsync("secure-app");
        var fifo = In("report.fifo");
        await MkfifoAsync(fifo);

        // The reader must be there for the writer's open to return, as for `rampart scan ... -o fifo & reader < fifo`.
        var reading = Task.Run(() => File.ReadAllTextAsync(fifo));
        var result = await CliRunner.RunAsync(target.ScanArgs("-f", "json", "-o", fifo));

        result.ExitCode.ShouldBe(0, result.Error);
        ScanReportJson.Deserialize(await reading.WaitAsync(TimeSpan.FromMinutes(1))).App.Key.ShouldBe("secure-app");
        (await StatTypeAsync(fifo)).ShouldBe("fifo");
        directory.GetFiles("*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_symbolic_link_stays_a_link_and_its_target_gets_the_report()
    {
        await using var target = await DemoTarget.StartAsync("secure-app");
        var real = Directory.CreateDirectory(In("real")).FullName;
        var file = Path.Combine(real, "report.json");
        await File.WriteAllTextAsync(file, "old");
        var link = In("latest.json");
        File.CreateSymbolicLink(link, Path.Combine("real", "report.json"));

        var result = await CliRunner.RunAsync(target.ScanArgs("-f", "json", "-o", link));

        result.ExitCode.ShouldBe(0, result.Error);
        new FileInfo(link).LinkTarget.ShouldBe(Path.Combine("real", "report.json"));
        ScanReportJson.Deserialize(await File.ReadAllTextAsync(file)).App.Key.ShouldBe("secure-app");
    }

    [Fact]
    public async Task A_directory_is_refused_before_the_scan_naming_it()
    {
        var report = Directory.CreateDirectory(In("report.json")).FullName;

        // No target is running: refusing before the scan is what makes this exit 2 and not 3.
        var result = await CliRunner.RunAsync("scan", "https://127.0.0.1:1/atlassian-connect.json", "--allow-private-network", "-f", "json", "-o", report);

        result.ExitCode.ShouldBe(2, result.Out + result.Error);
        result.Error.ShouldContain($"'{report}' is a directory");
        Directory.Exists(report).ShouldBeTrue();
    }

    public void Dispose() => directory.Delete(recursive: true);

    private static async Task MkfifoAsync(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false }).ShouldNotBeNull();
        await mkfifo.WaitForExitAsync();
        mkfifo.ExitCode.ShouldBe(0, "this test needs mkfifo (coreutils)");
    }

    /// <summary>The file type as stat(1) names it ("fifo", "regular file"), read independently of the code under test.</summary>
    private static async Task<string> StatTypeAsync(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%F", path]) { UseShellExecute = false, RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 }).ShouldNotBeNull();
        var type = await stat.StandardOutput.ReadToEndAsync();
        await stat.WaitForExitAsync();
        return type.Trim();
    }
}
