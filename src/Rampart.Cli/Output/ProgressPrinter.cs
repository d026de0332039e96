using Rampart.Scanning.Engine;
using Spectre.Console;

namespace Rampart.Cli.Output;

/// <summary>
/// Prints one line per finished stage to stderr. Plain lines rather than a live display: they read the same in a
/// terminal and in a CI log, and never interleave with a report on stdout.
/// </summary>
internal sealed class ProgressPrinter(IAnsiConsole console, string? prefix = null) : IProgress<ScanProgress>
{
    private readonly Lock gate = new();

    public void Report(ScanProgress value)
    {
        if (!value.Completed && value.Stage != "descriptor")
        {
            return;
        }

        lock (gate)
        {
            var mark = value.Completed ? "done" : "....";
            console.Write(new Text($"{prefix}[{mark}] {value.Stage} {value.Title}\n", new Style(Color.Grey)));
        }
    }
}
