using System.Diagnostics;

namespace Rampart.Forge.Tests;

/// <summary>
/// Files that are not regular files are refused by name before they are opened: opening a FIFO blocks until someone
/// writes to it, and a device never ends. The special files are made for real with mkfifo and mknod; mknod needs root,
/// which CI runs as, so a machine that cannot make one fails the test rather than skipping it.
/// </summary>
public sealed class SpecialFileTests
{
    [Fact]
    public async Task A_fifo_named_like_a_script_is_refused_by_name_without_being_opened()
    {
        using var app = new TempApp();
        Run("mkfifo", app.PathOf("src/pipe.js"));

        // Opening the FIFO would block this scan forever; the token only turns that hang into a failure of the test.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var error = await Should.ThrowAsync<ForgeInputException>(() => Task.Run(() => ForgeTestScanner.ScanAsync(app.Root)).WaitAsync(timeout.Token));

        error.Message.ShouldBe("src/pipe.js: not a regular file (a FIFO, device or socket); refusing to read it");
    }

    [Fact]
    public async Task A_device_node_named_like_a_script_is_refused_by_name_without_being_read()
    {
        using var app = new TempApp();
        Run("mknod", app.PathOf("src/zero.js"), "c", "1", "5"); // the same device as /dev/zero: endless bytes

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var error = await Should.ThrowAsync<ForgeInputException>(() => Task.Run(() => ForgeTestScanner.ScanAsync(app.Root)).WaitAsync(timeout.Token));

        error.Message.ShouldBe("src/zero.js: not a regular file (a FIFO, device or socket); refusing to read it");
    }

    [Fact]
    public async Task A_symlink_inside_the_app_to_a_regular_file_is_still_read()
    {
        using var app = new TempApp();
        File.Move(app.PathOf("src/index.js"), app.PathOf("src/real.js"));
        File.CreateSymbolicLink(app.PathOf("src/index.js"), app.PathOf("src/real.js"));

        var report = await ForgeTestScanner.ScanAsync(app.Root);

        report.Findings.ShouldNotBeEmpty();
    }

    private static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{tool} failed (mknod needs root, as on CI): {stderr}");
    }
}
