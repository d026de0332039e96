using System.Collections.Concurrent;
using Rampart.Forge.Analysis;
using Rampart.Forge.Checks;
using Rampart.Forge.Code;
using Rampart.Forge.Input;
using Rampart.Forge.Manifest;
using Rampart.Forge.Scopes;

namespace Rampart.Forge;

/// <summary>The Forge pipeline: files → manifest → TypeScript/JSX front end → per file (parse, tables, file checks, function summaries) → call graph → checks.</summary>
public static class ForgeAnalyzer
{
    private static readonly Dictionary<string, SourceLanguage> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        [".js"] = SourceLanguage.JavaScript,
        [".mjs"] = SourceLanguage.JavaScript,
        [".cjs"] = SourceLanguage.JavaScript,
        [".jsx"] = SourceLanguage.Jsx,
        [".ts"] = SourceLanguage.TypeScript,
        [".mts"] = SourceLanguage.TypeScript,
        [".cts"] = SourceLanguage.TypeScript,
        [".tsx"] = SourceLanguage.Tsx,
    };

    public static async Task<ForgeAnalysis> AnalyzeAsync(ForgeAppSource source, DateOnly today, int parallelism, CancellationToken cancellationToken)
    {
        var manifestFile = source.Find("manifest.yml") ?? source.Find("manifest.yaml")
            ?? throw new ForgeInputException($"{source.Name}: no manifest.yml at the top of the app; is this a Forge app?");
        var manifest = ManifestParser.Parse(manifestFile.Path, manifestFile.Text);
        var code = await ParseAsync(source, parallelism, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var entries = EntryPointFinder.Find(manifest, code);
        var findings = new List<ForgeFinding>(new CallGraphAnalyzer(code).Analyze(entries));
        var ordered = code.Modules.OrderBy(m => m.Path, StringComparer.Ordinal).ToList();
        var reportsPersonalData = manifest.HasScope("report:personal-data");
        findings.AddRange(ordered.SelectMany(m => m.FileFindings).Where(f => !(reportsPersonalData && f.Check == ForgeChecks.PersonalData)));
        findings.AddRange(ManifestChecks.Run(manifest, today));
        var scopes = ScopeCheck.Run(manifest, [.. ordered.SelectMany(m => m.ProductCalls)], ScopeData.Default);
        findings.AddRange(scopes.Findings);
        return new ForgeAnalysis(manifest, code, entries, findings, scopes.Abstained)
        {
            SecretTimeouts = [.. ordered.SelectMany(m => m.SecretTimeouts)],
        };
    }

    public static async Task<CodeModel> ParseAsync(ForgeAppSource source, int parallelism, CancellationToken cancellationToken)
    {
        var files = source.Files
            .Where(f => Languages.ContainsKey(Path.GetExtension(f.Path)) && !f.Path.EndsWith(".d.ts", StringComparison.OrdinalIgnoreCase))
            .Select(f => (f.Path, Language: Languages[Path.GetExtension(f.Path)], f.Text))
            .ToList();
        var modules = new ConcurrentBag<JsModule>();
        var retry = new ConcurrentBag<(string Path, SourceLanguage Language, string Text, ForgeInputException Error)>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken };
        var plainErrors = new ConcurrentBag<ForgeInputException>();
        Parallel.ForEach(files.Where(f => f.Language == SourceLanguage.JavaScript), options, file =>
        {
            try
            {
                modules.Add(AnalyzeFile(file.Path, file.Text, file.Text, file.Language));
            }
            catch (ForgeInputException e) when (file.Text.Contains('<', StringComparison.Ordinal))
            {
                retry.Add((file.Path, SourceLanguage.Jsx, file.Text, e)); // JSX in a .js file: give it to the JSX front end
            }
            catch (ForgeInputException e)
            {
                plainErrors.Add(e);
            }
        });
        ThrowFirst(plainErrors);

        var foreign = files.Where(f => f.Language != SourceLanguage.JavaScript).Select(f => (f.Path, f.Language, f.Text)).ToList();
        var jsxRetries = retry.ToList();
        IReadOnlyDictionary<string, string> stripped = new Dictionary<string, string>(StringComparer.Ordinal);
        if (foreign.Count > 0 || jsxRetries.Count > 0)
        {
            try
            {
                stripped = await TypeScriptFrontEnd.StripAsync([.. foreign, .. jsxRetries.Select(r => (r.Path, r.Language, r.Text))], cancellationToken);
            }
            catch (ForgeInputException) when (jsxRetries.Count > 0 && foreign.Count == 0)
            {
                throw jsxRetries.OrderBy(r => r.Path, StringComparer.Ordinal).First().Error; // it was a plain syntax error after all
            }
        }

        var byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var strippedErrors = new ConcurrentBag<ForgeInputException>();
        Parallel.ForEach(stripped, options, pair =>
        {
            var original = byPath[pair.Key];
            try
            {
                modules.Add(AnalyzeFile(pair.Key, original.Text, pair.Value, original.Language));
            }
            catch (ForgeInputException e)
            {
                strippedErrors.Add(e);
            }
        });
        ThrowFirst(strippedErrors);

        return new CodeModel(modules);
    }

    /// <summary>
    /// Everything that needs a file's syntax tree, done while the file is parsed: module tables, the path-independent
    /// file checks and the function summaries the call-graph walk runs on. The tree is garbage once this returns, so
    /// an app's trees are never all alive at once (they were 137 MiB for 100k lines, and every collection copied them).
    /// </summary>
    private static JsModule AnalyzeFile(string path, string originalText, string code, SourceLanguage language)
    {
        var syntax = ModuleBuilder.Build(path, originalText, code, language);
        var scanner = new FileScanner();
        try
        {
            scanner.Scan(syntax);
            FunctionSummarizer.Summarize(syntax);
        }
        catch (InsufficientExecutionStackException)
        {
            throw new ForgeInputException($"{path}: code nested too deeply to analyse");
        }

        var module = syntax.Module;
        module.FileFindings = scanner.Findings;
        module.ProductCalls = scanner.ProductCalls;
        module.SecretTimeouts = scanner.SecretTimeouts;
        return module;
    }

    /// <summary>Reports one error, the same one on every run whatever the thread order: the first by message.</summary>
    private static void ThrowFirst(IEnumerable<ForgeInputException> errors)
    {
        if (errors.OrderBy(e => e.Message, StringComparer.Ordinal).FirstOrDefault() is { } first)
        {
            throw first;
        }
    }
}
