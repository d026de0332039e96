using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rampart.Forge.Code;

/// <summary>
/// Turns TypeScript and JSX into JavaScript Acornima can parse, with every character at its original offset:
/// Node.js runs <c>forge-ts/strip.mjs</c> (vendored ts-blank-space and typescript), once per scan for all files.
/// Positions in findings therefore point into the original .ts/.tsx/.jsx file without a source map.
/// Node.js keeps a V8 code cache of typescript.js in <see cref="DefaultCacheDirectory"/>, which makes every scan after
/// the first start several hundred milliseconds sooner; the cache is optional and never changes the output.
/// </summary>
public static class TypeScriptFrontEnd
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "forge-ts", "strip.mjs");

    /// <summary>
    /// <c>$XDG_CACHE_HOME/rampart/forge-ts</c>, else <c>~/.cache/rampart/forge-ts</c> (the local application data
    /// folder on Windows); null when the user has no home directory, in which case nothing is cached.
    /// </summary>
    public static string? DefaultCacheDirectory
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (!string.IsNullOrEmpty(xdg) && Path.IsPathFullyQualified(xdg))
            {
                return Path.Combine(xdg, "rampart", "forge-ts");
            }

            var root = OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? Path.Combine(home, ".cache") : string.Empty;
            return root.Length == 0 ? null : Path.Combine(root, "rampart", "forge-ts");
        }
    }

    public static Task<IReadOnlyDictionary<string, string>> StripAsync(
        IReadOnlyList<(string Path, SourceLanguage Language, string Text)> files, CancellationToken cancellationToken) =>
        StripAsync(files, DefaultCacheDirectory, cancellationToken);

    /// <param name="cacheDirectory">Where Node.js keeps its code cache of typescript.js; null: compile it afresh.</param>
    internal static async Task<IReadOnlyDictionary<string, string>> StripAsync(
        IReadOnlyList<(string Path, SourceLanguage Language, string Text)> files, string? cacheDirectory, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        if (!File.Exists(ScriptPath))
        {
            throw new InvalidOperationException($"the TypeScript front end is missing from the installation ({ScriptPath})");
        }

        var request = JsonSerializer.Serialize(new StripRequest(files.Select(f => new StripFile(f.Path, Kind(f.Language), f.Text)).ToList()), FrontEndJson.Default.StripRequest);
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(ScriptPath);
        if (cacheDirectory is not null)
        {
            start.ArgumentList.Add($"--cache-dir={cacheDirectory}");
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ForgeInputException(
                $"{files[0].Path}: TypeScript and JSX files need Node.js 18 or later on PATH to be analysed ({e.Message}); install nodejs or scan plain JavaScript");
        }

        using (process)
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(Timeout);
            try
            {
                // The output is the input's code again with paths and errors: twice the request is far more than
                // the script can write, so more means a broken front end, not a big app.
                var outputLimit = (int)Math.Min(int.MaxValue / 2, (2L * request.Length) + (1 << 20));
                var output = BoundedText.ReadAsync(process.StandardOutput, outputLimit, deadline.Token);
                var error = BoundedText.ReadAsync(process.StandardError, 64 * 1024, deadline.Token);
                await process.StandardInput.WriteAsync(request.AsMemory(), deadline.Token);
                process.StandardInput.Close();
                await process.WaitForExitAsync(deadline.Token);
                var (stdout, stdoutOverflowed) = await output;
                var (stderr, _) = await error;
                if (stdoutOverflowed)
                {
                    throw new InvalidOperationException(
                        $"the TypeScript front end wrote more than {outputLimit:N0} characters for a {request.Length:N0}-character request; its output was not read");
                }

                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"the TypeScript front end failed (node exit {process.ExitCode}): {stderr.Trim()}");
                }

                var results = JsonSerializer.Deserialize(stdout, FrontEndJson.Default.ListStripResult) ?? [];
                var failed = results.FirstOrDefault(r => r.Errors.Count > 0);
                if (failed is not null)
                {
                    throw new ForgeInputException($"{failed.Path}:{failed.Errors[0]}");
                }

                return results.ToDictionary(r => r.Path, r => r.Code ?? string.Empty, StringComparer.Ordinal);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new ForgeInputException($"the TypeScript front end took longer than {Timeout.TotalMinutes:0} minutes; refusing the app");
            }
        }
    }

    private static string Kind(SourceLanguage language) => language switch
    {
        SourceLanguage.TypeScript => "ts",
        SourceLanguage.Tsx => "tsx",
        SourceLanguage.Jsx => "jsx",
        _ => "js",
    };

    internal sealed record StripRequest([property: JsonPropertyName("files")] IReadOnlyList<StripFile> Files);

    internal sealed record StripFile(
        [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("text")] string Text);

    internal sealed record StripResult(
        [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("code")] string? Code,
        [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors);
}

[JsonSerializable(typeof(TypeScriptFrontEnd.StripRequest))]
[JsonSerializable(typeof(List<TypeScriptFrontEnd.StripResult>))]
internal sealed partial class FrontEndJson : JsonSerializerContext;
