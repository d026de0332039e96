using Rampart.Cli.Infrastructure;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Cli.Output;

/// <summary>
/// Pairs <c>--format</c> and <c>--output</c>: each output file goes with the next non-console format, in order (a
/// format may repeat, each with its own file); a format without a file goes to standard output (only one may). The
/// console table then moves to stderr, so <c>rampart scan URL -f sarif &gt; out.sarif</c> stays valid SARIF.
/// </summary>
internal sealed record OutputPlan(IReadOnlyList<OutputTarget> Targets)
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

        // Every machine format gets a target, also a repeated one (-f json -o a.json -f json -o b.json writes both);
        // only the console table, which has no file, is shown once.
        var targets = new List<OutputTarget>();
        var next = 0;
        foreach (var format in requested)
        {
            if (format == ConsoleFormat)
            {
                if (!targets.Any(t => t.IsConsole))
                {
                    targets.Add(new OutputTarget(format, null));
                }

                continue;
            }

            targets.Add(new OutputTarget(format, next < files.Count ? files[next++] : null));
        }

        var sameFile = targets.Where(t => t.Path is not null)
            .GroupBy(t => Path.GetFullPath(t.Path!), StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1);
        if (sameFile is not null)
        {
            throw new UsageException($"--output: '{sameFile.First().Path}' is given for {sameFile.Count()} reports; give each --format its own file");
        }

        if (targets.Count(t => !t.IsConsole && t.Path is null) > 1)
        {
            throw new UsageException("only one report format can go to standard output; give the others an --output file");
        }

        // Before the scan, not after it: a directory given as a file would otherwise cost the whole scan.
        foreach (var target in targets.Where(t => t.Path is not null))
        {
            ReportFile.CheckWritable(target.Path!);
        }

        return new OutputPlan(targets);
    }
}
