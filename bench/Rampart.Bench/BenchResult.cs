using System.Globalization;
using System.Text;

namespace Rampart.Bench;

internal sealed record ScanSample(TimeSpan Elapsed, int Requests, long AllocatedBytes, int Findings);

internal sealed record BaselineSample(TimeSpan Elapsed, int Requests);

/// <summary>The numbers bench/RESULTS.md reports, as a Markdown section.</summary>
internal sealed record BenchResult(BenchSettings Settings, int EndpointsPerApp, IReadOnlyList<ScanSample> Scans, IReadOnlyList<BaselineSample> Baselines, long PeakWorkingSet, int Cores)
{
    public string ToMarkdown()
    {
        var seconds = Scans.Select(s => s.Elapsed.TotalSeconds).Order().ToList();
        var median = seconds[seconds.Count / 2];
        var rampartRps = Scans.Sum(s => s.Requests) / Scans.Sum(s => s.Elapsed.TotalSeconds);
        var baselineRps = Baselines.Sum(b => b.Requests) / Baselines.Sum(b => b.Elapsed.TotalSeconds);
        var text = new StringBuilder();
        text.AppendLine(Inv($"### Connect scan: {Settings.Apps} demo apps x {EndpointsPerApp} endpoints, {Settings.Rounds} rounds, {Cores} cores"));
        text.AppendLine();
        text.AppendLine("| metric | value |");
        text.AppendLine("|---|---|");
        text.AppendLine(Inv($"| seconds per app scan (median) | {median:0.000} |"));
        text.AppendLine(Inv($"| seconds per app scan (slowest) | {seconds[^1]:0.000} |"));
        text.AppendLine(Inv($"| requests per app scan (median) | {Scans.Select(s => s.Requests).Order().ElementAt(Scans.Count / 2)} |"));
        text.AppendLine(Inv($"| Rampart requests/s | {rampartRps:0} |"));
        text.AppendLine(Inv($"| sequential close-per-request client (CSRT-style) requests/s | {baselineRps:0} |"));
        text.AppendLine(Inv($"| ratio (Rampart / sequential) | {rampartRps / baselineRps:0.0}x |"));
        text.AppendLine(Inv($"| managed allocation per app scan (median) | {Scans.Select(s => s.AllocatedBytes).Order().ElementAt(Scans.Count / 2) / 1024.0 / 1024.0:0.0} MiB |"));
        text.AppendLine(Inv($"| peak working set of the process (scanner + demo servers) | {PeakWorkingSet / 1024.0 / 1024.0:0} MiB |"));
        text.AppendLine(Inv($"| blocking findings on the (flawless) bench apps | {Scans.Sum(s => s.Findings)} |"));
        return text.ToString();
    }

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
