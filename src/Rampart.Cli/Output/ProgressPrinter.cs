using System.Collections.Concurrent;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Spectre.Console;

namespace Rampart.Cli.Output;

/// <summary>
/// Prints one line per finished stage to stderr, with its time, and <c>[ERROR]</c> with the reason for a check that
/// could not verify its requirement (never <c>[done]</c>, which would read as fine). Text from the target (the
/// descriptor URL, an error's reason) is shown without control characters. Plain lines rather than a live
/// display: they read the same in a terminal and in a CI log, and never interleave with a report on stdout.
/// </summary>
internal sealed class ProgressPrinter(IAnsiConsole console, TimeProvider time, string? prefix = null) : IProgress<ScanProgress>
{
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, long> started = new(StringComparer.Ordinal);

    public void Report(ScanProgress value)
    {
        if (!value.Completed)
        {
            started[value.Stage] = time.GetTimestamp();
            if (value.Stage != "descriptor")
            {
                return;
            }
        }

        var elapsed = value.Completed && started.TryGetValue(value.Stage, out var start)
            ? $" ({time.GetElapsedTime(start).TotalSeconds:0.0} s)"
            : string.Empty;
        var line = value.Error is { } error
            ? new Text(ReportText.ForLine($"{prefix}[ERROR] {value.Stage} {value.Title}{elapsed}: {error}") + "\n", new Style(Color.Yellow))
            : new Text(ReportText.ForLine($"{prefix}[{(value.Completed ? "done" : "....")}] {value.Stage} {value.Title}{elapsed}") + "\n", new Style(Color.Grey));
        lock (gate)
        {
            console.Write(line);
        }
    }
}
