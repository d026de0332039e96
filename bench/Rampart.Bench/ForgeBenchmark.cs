using System.Diagnostics;
using System.Globalization;
using System.Text;
using Rampart.Forge;
using Rampart.Forge.Code;
using Rampart.Forge.Input;

namespace Rampart.Bench;

/// <summary>
/// Forge static analysis speed: lines of JavaScript/TypeScript analysed per second on a generated multi-module app
/// (and on the test corpus), against a baseline measured in the same run: Acornima parsing the same files and nothing
/// else, so the ratio shows what the module graph, call graph and checks cost on top of parsing.
/// </summary>
internal static class ForgeBenchmark
{
    public static async Task<string> RunAsync(int lines, int rounds, CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("rampart-forge-bench-").FullName;
        try
        {
            var js = Generate(Path.Combine(root, "js"), lines, typeScript: false);
            var ts = Generate(Path.Combine(root, "ts"), lines / 4, typeScript: true);
            var text = new StringBuilder();
            text.AppendLine(Inv($"### Forge analysis: generated app, {Environment.ProcessorCount} cores, best of {rounds} rounds after a warm-up"));
            text.AppendLine();
            text.AppendLine("| input | lines | files | entry points | findings | analysis s | lines/s | parse-only baseline lines/s | ratio (analysis / parse-only) |");
            text.AppendLine("|---|---|---|---|---|---|---|---|---|");
            var notes = new List<string>();
            text.AppendLine(await MeasureAsync("generated JavaScript", js, rounds, notes, cancellationToken));
            text.AppendLine(await MeasureAsync("generated TypeScript (Node.js front end)", ts, rounds, notes, cancellationToken));
            if (FindCorpus() is { } corpus)
            {
                text.AppendLine(await MeasureCorpusAsync(corpus, rounds, cancellationToken));
            }

            text.AppendLine();
            notes.ForEach(n => text.AppendLine(n));
            text.AppendLine(Inv($"GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, {System.Runtime.GCSettings.LatencyMode}."));
            text.AppendLine(Inv($"Peak working set of the bench process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MiB (Node.js front end not included)."));
            return text.ToString();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<string> MeasureAsync(string label, string directory, int rounds, List<string> notes, CancellationToken cancellationToken)
    {
        var source = ForgeAppSource.Load(directory);
        var lineCount = source.Files.Where(f => !f.Path.EndsWith(".yml", StringComparison.Ordinal)).Sum(f => f.Text.Count(c => c == '\n') + 1);
        ForgeAnalysis? analysis = null;
        var best = TimeSpan.MaxValue;
        var bestParse = TimeSpan.MaxValue;
        var allocated = long.MaxValue;
        var pause = TimeSpan.MaxValue;
        for (var round = 0; round <= rounds; round++)
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var pauseBefore = GC.GetTotalPauseDuration();
            var watch = Stopwatch.StartNew();
            analysis = await ForgeAnalyzer.AnalyzeAsync(ForgeAppSource.Load(directory), new DateOnly(2026, 11, 29), Environment.ProcessorCount, cancellationToken);
            watch.Stop();
            if (round > 0)
            {
                // Memory per analysis: what it allocated and the GC pauses it caused (outside the timing).
                allocated = Math.Min(allocated, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
                pause = GC.GetTotalPauseDuration() - pauseBefore < pause ? GC.GetTotalPauseDuration() - pauseBefore : pause;
            }

            var parse = Stopwatch.StartNew();
            Parallel.ForEach(source.Files.Where(f => f.Path.EndsWith(".js", StringComparison.Ordinal) || f.Path.EndsWith(".ts", StringComparison.Ordinal)),
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                file => new Acornima.Parser().ParseModule(file.Path.EndsWith(".ts", StringComparison.Ordinal) ? StripTypesCrudely(file.Text) : file.Text, file.Path));
            parse.Stop();
            if (round > 0)
            {
                best = watch.Elapsed < best ? watch.Elapsed : best;
                bestParse = parse.Elapsed < bestParse ? parse.Elapsed : bestParse;
            }
        }

        // What one analysis keeps alive: the heap after a full collection with the last result still referenced.
        var heldMiB = GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0;
        GC.KeepAlive(analysis);
        notes.Add(Inv($"{label}: {allocated / 1024.0 / 1024.0:0} MiB allocated per analysis, {pause.TotalMilliseconds:0} ms GC pause (least of the timed rounds), {heldMiB:0} MiB managed heap held with the result alive."));
        return Inv($"| {label} | {lineCount} | {analysis!.Code.Modules.Count} | {analysis.Entries.Count} | {analysis.Findings.Count} | {best.TotalSeconds:0.000} | {lineCount / best.TotalSeconds:0} | {lineCount / bestParse.TotalSeconds:0} | {bestParse.TotalSeconds / best.TotalSeconds:0.00} |");
    }

    private static async Task<string> MeasureCorpusAsync(string corpus, int rounds, CancellationToken cancellationToken)
    {
        var apps = Directory.GetDirectories(corpus).Order(StringComparer.Ordinal).ToList();
        var lines = apps.Sum(a => ForgeAppSource.Load(a).Files.Where(f => !f.Path.EndsWith(".yml", StringComparison.Ordinal) && !f.Path.EndsWith(".yaml", StringComparison.Ordinal))
            .Sum(f => f.Text.Count(c => c == '\n') + 1));
        var best = TimeSpan.MaxValue;
        var findings = 0;
        for (var round = 0; round <= rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            findings = 0;
            foreach (var app in apps)
            {
                findings += (await ForgeAnalyzer.AnalyzeAsync(ForgeAppSource.Load(app), new DateOnly(2026, 11, 29), Environment.ProcessorCount, cancellationToken)).Findings.Count;
            }

            watch.Stop();
            if (round > 0 && watch.Elapsed < best)
            {
                best = watch.Elapsed;
            }
        }

        return Inv($"| test corpus ({apps.Count} apps, one Node.js start per app with TS/JSX) | {lines} | – | – | {findings} | {best.TotalSeconds:0.000} | {lines / best.TotalSeconds:0} | – | – |");
    }

    /// <summary>The baseline parses TypeScript after the same blanking the analysis gets, so it is read from the front end's output once.</summary>
    private static string StripTypesCrudely(string text) => StrippedCache.TryGetValue(text, out var js) ? js : text;

    private static readonly Dictionary<string, string> StrippedCache = new(StringComparer.Ordinal);

    /// <summary>
    /// A multi-module app: a resolver index defining one handler per service module, services that call helpers in
    /// other modules (two hops), some asApp() calls guarded by a permission check and some not.
    /// </summary>
    private static string Generate(string directory, int lines, bool typeScript)
    {
        var ext = typeScript ? "ts" : "js";
        var t = (string type) => typeScript ? ": " + type : string.Empty;
        Directory.CreateDirectory(Path.Combine(directory, "src", "services"));
        const int functionsPerModule = 40;
        const int linesPerFunction = 12;
        var modules = Math.Max(2, lines / (functionsPerModule * linesPerFunction));
        for (var m = 0; m < modules; m++)
        {
            var code = new StringBuilder();
            code.AppendLine("import api, { route, authorize } from '@forge/api';");
            code.AppendLine(Inv($"import * as next from './service{(m + 1) % modules}';"));
            if (typeScript)
            {
                code.AppendLine(Inv($"export interface Item{m} {{ id: string; count: number; tags: string[] }}"));
            }

            for (var f = 0; f < functionsPerModule; f++)
            {
                code.AppendLine(Inv($"export async function op{f}(key{t("string")}, depth{t("number")}){(typeScript ? ": Promise<unknown>" : string.Empty)} {{"));
                code.AppendLine(Inv($"  const items{(typeScript ? $": Item{m}[]" : string.Empty)} = [];"));
                code.AppendLine(Inv($"  for (let i = 0; i < {f % 7 + 1}; i++) {{ items.push({{ id: `${{key}}-${{i}}`, count: i * {f}, tags: ['a', 'b'] }}); }}"));
                code.AppendLine("  const total = items.reduce((sum, item) => sum + item.count, 0);");
                code.AppendLine(f % 5 == 0
                    ? "  if (!(await authorize().onJiraIssue(key).canEdit())) { throw new Error('forbidden'); }"
                    : "  const label = total > 10 ? 'large' : 'small';");
                code.AppendLine(f % 3 == 0
                    ? "  const res = await api.asApp().requestJira(route`/rest/api/3/issue/${key}`);"
                    : "  const res = await api.asUser().requestJira(route`/rest/api/3/issue/${key}?fields=summary`);");
                code.AppendLine("  const body = await res.json();");
                code.AppendLine(Inv($"  if (depth > 0) {{ await next.op{(f + 1) % functionsPerModule}(key, depth - 1); }}"));
                code.AppendLine("  const summary = JSON.stringify({ total, body, size: items.length });");
                code.AppendLine("  console.log(summary.length);");
                code.AppendLine("  return summary;");
                code.AppendLine("}");
            }

            File.WriteAllText(Path.Combine(directory, "src", "services", Inv($"service{m}.{ext}")), code.ToString());
        }

        var index = new StringBuilder();
        index.AppendLine("import Resolver from '@forge/resolver';");
        for (var m = 0; m < modules; m++)
        {
            index.AppendLine(Inv($"import {{ op1 as entry{m} }} from './services/service{m}';"));
        }

        index.AppendLine("const resolver = new Resolver();");
        for (var m = 0; m < modules; m++)
        {
            index.AppendLine(Inv($"resolver.define('handler{m}', async ({{ payload }}{(typeScript ? ": { payload: { key: string } }" : string.Empty)}) => entry{m}(payload.key, 2));"));
        }

        index.AppendLine("export const handler = resolver.getDefinitions();");
        File.WriteAllText(Path.Combine(directory, "src", $"index.{ext}"), index.ToString());
        File.WriteAllText(Path.Combine(directory, "manifest.yml"), """
            app:
              id: ari:cloud:ecosystem::app/00000000-0000-4000-8000-00000000be0c
              runtime:
                name: nodejs22.x
            permissions:
              scopes: [read:jira-work]
            modules:
              jira:issuePanel:
                - key: panel
                  resource: main
                  resolver:
                    function: resolver
                  title: Bench
              function:
                - key: resolver
                  handler: index.handler
            """);
        if (typeScript)
        {
            // The parse-only baseline needs JavaScript: take the front end's output once, outside the timed region.
            var files = Directory.GetFiles(directory, "*.ts", SearchOption.AllDirectories)
                .Select(p => (Path: p, Language: SourceLanguage.TypeScript, Text: File.ReadAllText(p))).ToList();
            var stripped = TypeScriptFrontEnd.StripAsync(files, CancellationToken.None).GetAwaiter().GetResult();
            foreach (var file in files)
            {
                StrippedCache[file.Text] = stripped[file.Path];
            }
        }

        return directory;
    }

    private static string? FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Rampart.Forge.Tests", "Corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
