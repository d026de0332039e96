namespace Rampart.Forge.Tests;

/// <summary>Findings in TypeScript and JSX point at the original file's line and column, not at stripped output.</summary>
public sealed class PositionTests
{
    [Fact]
    public async Task A_flaw_after_type_annotations_and_jsx_is_reported_at_its_original_column()
    {
        var report = await ForgeTestScanner.ScanAsync(Path.Combine(CorpusApp.Root, "tsx-and-jsx"));

        var authz = report.Findings.Single(f => f.CheckId == "RMP-FORGE-001");
        // Line 17: "  const res = await api.asApp().requestJira(...)": the call starts at "api", column 21.
        authz.Location.ShouldBe("src/index.tsx:17:21");
        var secret = report.Findings.Single(f => f.CheckId == "RMP-FORGE-003");
        secret.Location.ShouldStartWith("static/app/src/App.jsx:11:");
        secret.Evidence.ShouldNotContain("u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d");
    }

    [Fact]
    public async Task Typescript_generics_and_casts_do_not_shift_columns()
    {
        using var app = new TempApp();
        File.Delete(app.PathOf("src/index.js"));
        app.Write("src/index.ts", """
            import Resolver from '@forge/resolver';
            import api, { route } from '@forge/api';
            const resolver = new Resolver();
            type P<T extends object = {}> = { payload: T & { key: string } };
            resolver.define('get', async <T extends object>({ payload }: P<T>): Promise<unknown> => (await api.asApp().requestJira(route`/rest/api/3/issue/${payload.key as string}`)) as unknown);
            export const handler = resolver.getDefinitions();
            """);

        var report = await ForgeTestScanner.ScanAsync(app.Root);

        var column = "resolver.define('get', async <T extends object>({ payload }: P<T>): Promise<unknown> => (await ".Length + 1;
        report.Findings.ShouldHaveSingleItem().Location.ShouldBe($"src/index.ts:5:{column}");
    }
}
