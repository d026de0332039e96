using Spectre.Console;
using Rampart.Cli.Infrastructure;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Cli.Output;

/// <summary>Writes a finished report to every target of an <see cref="OutputPlan"/>.</summary>
internal static class ReportEmitter
{
    public static async Task EmitAsync(ScanReport report, OutputPlan plan, CliConsoles consoles, CancellationToken cancellationToken)
    {
        foreach (var target in plan.Targets)
        {
            if (target.IsConsole)
            {
                ConsoleReport.Write(report, plan.MachineOnStdout ? consoles.Error : consoles.Out);
                continue;
            }

            var writer = ReportWriters.For(target.Format);
            if (target.Path is null)
            {
                await consoles.RawOut.FlushAsync(cancellationToken);
                await writer.WriteAsync(report, consoles.StandardOutput, cancellationToken);
                await consoles.StandardOutput.FlushAsync(cancellationToken);
                continue;
            }

            try
            {
                await WriteFileAsync(writer, report, target.Path, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OutputWriteException($"{target.Format} report to '{target.Path}': {e.Message}", e);
            }

            consoles.Error.WriteLine($"wrote {target.Format} report to {target.Path}");
        }
    }

    private static async Task WriteFileAsync(IReportWriter writer, ScanReport report, string path, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        if (IsSpecialFile(fullPath))
        {
            // /dev/stdout, /dev/null, /dev/full: there is nothing to rename, and renaming over a device node would replace it.
            await using var device = new FileStream(fullPath, FileMode.Open, FileAccess.Write);
            await writer.WriteAsync(report, device, cancellationToken);
            return;
        }

        if (Path.GetDirectoryName(fullPath) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        // Write next to the target and rename, so a failed write never leaves half a report behind; the temporary file
        // goes too, whatever the failure (disk full, a directory in the way, Ctrl-C).
        var temporary = fullPath + ".tmp";
        try
        {
            await using (var file = File.Create(temporary))
            {
                await writer.WriteAsync(report, file, cancellationToken);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Files under /dev and /proc (also when reached through a link) are devices or pipes, written in place.</summary>
    private static bool IsSpecialFile(string fullPath)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        if (IsUnderDevOrProc(fullPath))
        {
            return true;
        }

        try
        {
            return File.Exists(fullPath) && File.ResolveLinkTarget(fullPath, returnFinalTarget: true) is { } target && IsUnderDevOrProc(target.FullName);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool IsUnderDevOrProc(string path) =>
        path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write already failed; that failure is the one to report.
        }
    }
}
