using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rampart.Forge.Code;

/// <summary>
/// Turns TypeScript and JSX into JavaScript Acornima can parse, with every character at its original offset:
/// Node.js runs <c>forge-ts/strip.mjs</c> (vendored ts-blank-space and typescript), once per scan for all files.
/// Positions in findings therefore point into the original .ts/.tsx/.jsx file without a source map.
/// </summary>
public static class TypeScriptFrontEnd
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "forge-ts", "strip.mjs");

    public static async Task<IReadOnlyDictionary<string, string>> StripAsync(
        IReadOnlyList<(string Path, SourceLanguage Language, string Text)> files, CancellationToken cancellationToken)
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
                var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
                var error = process.StandardError.ReadToEndAsync(deadline.Token);
                await process.StandardInput.WriteAsync(request.AsMemory(), deadline.Token);
                process.StandardInput.Close();
                await process.WaitForExitAsync(deadline.Token);
                var stdout = await output;
                var stderr = await error;
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
