using Rampart.Cli.Infrastructure;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Cli.Output;

/// <summary>
/// Pairs <c>--format</c> and <c>--output</c>: each output file goes with the next non-console format, in order;
/// a format without a file goes to standard output (only one may). The console table then moves to stderr, so
/// <c>rampart scan URL -f sarif &gt; out.sarif</c> stays valid SARIF.
/// </summary>
public sealed record OutputPlan(IReadOnlyList<OutputTarget> Targets)
{
    public const string ConsoleFormat = "console";

    public static IReadOnlyList<string> Formats { get; } = [ConsoleFormat, .. ReportWriters.Formats];

    /// <summary>A machine-readable report goes to standard output, so human output must use stderr.</summary>
    public bool MachineOnStdout => Targets.Any(t => !t.IsConsole && t.Path is null);

    public static OutputPlan Create(IReadOnlyList<string>? formats, IReadOnlyList<string>? outputs)
    {
        var requested = (formats is { Count: > 0 } ? formats : [ConsoleFormat]).Select(f => f.Trim().ToLowerInvariant()).ToList();
        foreach (var format in requested.Where(f => !Formats.Contains(f)))
        {
            throw new UsageException($"--format: unknown format '{format}'; use one of {string.Join(", ", Formats)}");
        }

        var files = outputs ?? [];
        var machine = requested.Where(f => f != ConsoleFormat).ToList();
        if (files.Count > machine.Count)
        {
            throw new UsageException($"--output: {files.Count} output file(s) for {machine.Count} report format(s); give a --format for each --output");
        }

        var targets = new List<OutputTarget>();
        var next = 0;
        foreach (var format in requested.Distinct())
        {
            targets.Add(format == ConsoleFormat ? new OutputTarget(format, null) : new OutputTarget(format, next < files.Count ? files[next++] : null));
        }

        if (targets.Count(t => !t.IsConsole && t.Path is null) > 1)
        {
            throw new UsageException("only one report format can go to standard output; give the others an --output file");
        }

        return new OutputPlan(targets);
    }
}
