using Rampart.Catalog;
using System.Text.RegularExpressions;

namespace Rampart.Forge.Tests;

/// <summary>
/// One app of the test corpus. Its expected findings are written on the flawed lines themselves, as a comment
/// <c>expect: RMP-FORGE-NNN</c> (<c>//</c> or <c>/* */</c> in code, <c>#</c> in YAML; several ids separated by commas),
/// so the app and what the scan must say about it cannot drift apart. A file without a marker must raise nothing:
/// any finding on an unmarked line is a false positive.
/// </summary>
public sealed partial record CorpusApp(string Name, string Directory, IReadOnlyList<(string Check, string At)> Expected)
{
    private static readonly string[] SourceExtensions = [".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".yml", ".yaml"];

    public static string Root => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IReadOnlyList<CorpusApp> All() => System.IO.Directory.GetDirectories(Root)
        .Order(StringComparer.Ordinal)
        .Select(Load)
        .ToList();

    public static CorpusApp Load(string directory)
    {
        var expected = new List<(string Check, string At)>();
        var files = System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => SourceExtensions.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var marker = Marker().Match(lines[i]);
                if (!marker.Success)
                {
                    continue;
                }

                foreach (var check in marker.Groups["checks"].Value.Split(',', StringSplitOptions.TrimEntries))
                {
                    expected.Add((check, $"{relative}:{i + 1}"));
                }
            }
        }

        return new CorpusApp(Path.GetFileName(directory), directory, expected);
    }

    /// <summary>Lines that mention <c>expect:</c> but are not a well-formed marker: a typo would silently expect nothing.</summary>
    public static IEnumerable<string> MalformedMarkers(string directory) =>
        System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => SourceExtensions.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, line, i)))
            .Where(x => x.line.Contains("expect:", StringComparison.OrdinalIgnoreCase) && !Marker().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(directory, x.f)}:{x.i + 1}: {x.line.Trim()}");

    [GeneratedRegex(@"(?://|/\*|#)\s*expect:\s*(?<checks>RMP-[A-Z]+-\d{3}(?:\s*,\s*RMP-[A-Z]+-\d{3})*)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Marker();
}
