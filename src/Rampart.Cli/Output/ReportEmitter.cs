using Spectre.Console;
using Rampart.Cli.Infrastructure;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Cli.Output;

/// <summary>Writes a finished report to every target of an <see cref="OutputPlan"/>.</summary>
public static class ReportEmitter
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

            var directory = Path.GetDirectoryName(Path.GetFullPath(target.Path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            // Write next to the target and rename, so a failed write never leaves half a report behind.
            var temporary = target.Path + ".tmp";
            await using (var file = File.Create(temporary))
            {
                await writer.WriteAsync(report, file, cancellationToken);
            }

            File.Move(temporary, target.Path, overwrite: true);
            consoles.Error.WriteLine($"wrote {target.Format} report to {target.Path}");
        }
    }
}
