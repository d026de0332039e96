using System.Text;
using Rampart.Forge.Code;

namespace Rampart.Forge.Tests;

/// <summary>
/// The TypeScript front end's V8 code cache of typescript.js only saves time: with it, without it, or with a broken
/// or unusable one, every file strips to exactly the same text.
/// </summary>
public sealed class TypeScriptCodeCacheTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly IReadOnlyList<(string Path, SourceLanguage Language, string Text)> Files =
    [
        ("src/index.ts", SourceLanguage.TypeScript, """
            import api, { route } from '@forge/api';
            type P<T extends object = {}> = { payload: T & { key: string } };
            export async function get<T extends object>({ payload }: P<T>): Promise<unknown> {
              const res = await api.asApp().requestJira(route`/rest/api/3/issue/${payload.key as string}`);
              return (res as unknown as { json(): unknown }).json()!;
            }
            """),
        ("src/view.tsx", SourceLanguage.Tsx, "import React from 'react';\r\ninterface Props { name: string }\r\nexport const View = ({ name }: Props) => <div title={name as string}>{name.length > 0 ? <b>{name}</b> : null}</div>;\r\n"),
        ("static/app/src/App.jsx", SourceLanguage.Jsx, "export function App(props) {\n  return <main {...props}>\n    {props.items.map(i => <li key={i}>{i}</li>)}\n  </main>;\n}\n"),
    ];

    private readonly string root = Directory.CreateTempSubdirectory("rampart-forge-ts-cache-").FullName;

    private string CacheDirectory => Path.Combine(root, "cache");

    [Fact]
    public async Task The_cache_is_made_on_the_first_scan_and_reused_with_identical_output()
    {
        var uncached = await TypeScriptFrontEnd.StripAsync(Files, cacheDirectory: null, CancellationToken.None);

        var first = await TypeScriptFrontEnd.StripAsync(Files, CacheDirectory, CancellationToken.None);
        var cache = Directory.GetFiles(CacheDirectory).ShouldHaveSingleItem();
        Path.GetFileName(cache).ShouldStartWith("typescript-");
        Path.GetFileName(cache).ShouldEndWith(".v8cache");
        // Backdated, so a rewrite (a new file renamed over it) would show as a new time.
        File.SetLastWriteTimeUtc(cache, LongAgo);
        var bytes = await File.ReadAllBytesAsync(cache);

        var second = await TypeScriptFrontEnd.StripAsync(Files, CacheDirectory, CancellationToken.None);

        first.ShouldBe(uncached);
        second.ShouldBe(uncached);
        Directory.GetFiles(CacheDirectory).ShouldHaveSingleItem().ShouldBe(cache);
        File.GetLastWriteTimeUtc(cache).ShouldBe(LongAgo);
        (await File.ReadAllBytesAsync(cache)).ShouldBe(bytes);
        ShouldKeepPositions(second);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("foreign")]
    public async Task A_corrupt_cache_is_ignored_and_rebuilt(string damage)
    {
        var uncached = await TypeScriptFrontEnd.StripAsync(Files, cacheDirectory: null, CancellationToken.None);
        await TypeScriptFrontEnd.StripAsync(Files, CacheDirectory, CancellationToken.None);
        var cache = Directory.GetFiles(CacheDirectory).ShouldHaveSingleItem();
        var good = await File.ReadAllBytesAsync(cache);
        var broken = damage switch
        {
            "truncated" => good[..(good.Length / 2)],
            "flipped" => good.Select((b, i) => i > good.Length / 2 && i < (good.Length / 2) + 4096 ? (byte)~b : b).ToArray(),
            // Intact framing and digest around bytes V8 did not make: only V8's own check can refuse it.
            _ => Framed(Encoding.UTF8.GetBytes(new string('x', 100_000))),
        };
        await File.WriteAllBytesAsync(cache, broken);
        File.SetLastWriteTimeUtc(cache, LongAgo);

        var stripped = await TypeScriptFrontEnd.StripAsync(Files, CacheDirectory, CancellationToken.None);

        stripped.ShouldBe(uncached);
        File.GetLastWriteTimeUtc(cache).ShouldNotBe(LongAgo);
        var rebuilt = await File.ReadAllBytesAsync(cache);
        rebuilt.ShouldNotBe(broken);
        rebuilt[..Magic.Length].ShouldBe(Magic);
        (await TypeScriptFrontEnd.StripAsync(Files, CacheDirectory, CancellationToken.None)).ShouldBe(uncached);
    }

    [Fact]
    public async Task An_unusable_cache_directory_does_not_fail_the_scan()
    {
        var uncached = await TypeScriptFrontEnd.StripAsync(Files, cacheDirectory: null, CancellationToken.None);
        // A directory below a regular file cannot be created, even by root (for whom permissions do not apply).
        var blocker = Path.Combine(root, "not-a-directory");
        await File.WriteAllTextAsync(blocker, "x");

        var stripped = await TypeScriptFrontEnd.StripAsync(Files, Path.Combine(blocker, "cache"), CancellationToken.None);

        stripped.ShouldBe(uncached);
        File.ReadAllText(blocker).ShouldBe("x");
    }

    [Fact]
    public async Task Syntax_errors_are_reported_the_same_with_a_cache()
    {
        IReadOnlyList<(string Path, SourceLanguage Language, string Text)> broken = [("src/bad.ts", SourceLanguage.TypeScript, "const a: number = ;\n")];
        var uncached = await Should.ThrowAsync<ForgeInputException>(() => TypeScriptFrontEnd.StripAsync(broken, cacheDirectory: null, CancellationToken.None));
        await TypeScriptFrontEnd.StripAsync(Files, CacheDirectory, CancellationToken.None);

        var cached = await Should.ThrowAsync<ForgeInputException>(() => TypeScriptFrontEnd.StripAsync(broken, CacheDirectory, CancellationToken.None));

        cached.Message.ShouldBe(uncached.Message);
        cached.Message.ShouldStartWith("src/bad.ts:1:19:");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static readonly byte[] Magic = Encoding.UTF8.GetBytes("rampart-forge-ts-cache-1\n");

    private static byte[] Framed(byte[] payload) => [.. Magic, .. System.Security.Cryptography.SHA256.HashData(payload), .. payload];

    private static void ShouldKeepPositions(IReadOnlyDictionary<string, string> stripped)
    {
        foreach (var (path, _, text) in Files)
        {
            var code = stripped[path];
            code.Length.ShouldBe(text.Length, path);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is '\n' or '\r' || code[i] is '\n' or '\r')
                {
                    code[i].ShouldBe(text[i], $"{path} at {i}");
                }
            }
        }
    }
}
