using Rampart.Cli.Infrastructure;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Spectre.Console;

namespace Rampart.Cli.Output;

/// <summary>Writes a finished report to every target of an <see cref="OutputPlan"/>.</summary>
internal static class ReportEmitter
{
    /// <param name="quiet">Nothing on stderr but errors: no summary, no "wrote" lines.</param>
    public static async Task EmitAsync(ScanReport report, OutputPlan plan, CliConsoles consoles, bool quiet, CancellationToken cancellationToken)
    {
        var written = new List<OutputTarget>();
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
                await ReportFile.WriteAsync(target.Path, (stream, token) => writer.WriteAsync(report, stream, token), cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OutputWriteException($"{target.Format} report to '{target.Path}': {e.Message}", e);
            }

            written.Add(target);
        }

        if (quiet)
        {
            return;
        }

        if (plan.Targets.All(t => t.Path is not null))
        {
            // Every report went to a file: without this the CI log would show no result at all.
            ConsoleReport.WriteSummary(report, written, consoles.Error);
            return;
        }

        foreach (var target in written)
        {
            consoles.Error.Write(new Text($"wrote {target.Format} report to {target.Path}\n"));
        }
    }
}
