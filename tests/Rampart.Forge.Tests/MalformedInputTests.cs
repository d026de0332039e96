using System.IO.Compression;
using System.Text;

namespace Rampart.Forge.Tests;

/// <summary>Bad or hostile input ends with one clear error naming the file and place, never a stack trace or a hang.</summary>
public sealed class MalformedInputTests
{
    private static async Task<ForgeInputException> ScanFails(string path, ForgeScanOptions? options = null) =>
        await Should.ThrowAsync<ForgeInputException>(() => ForgeTestScanner.ScanAsync(path, options));

    [Fact]
    public async Task Broken_yaml_names_the_manifest_line_and_column()
    {
        using var app = new TempApp();
        app.Write("manifest.yml", "app:\n  id: x\nmodules:\n  function:\n    - key: resolver\n      handler: index.handler\n   bad-indent: [\n");

        var error = await ScanFails(app.Root);

        error.Message.ShouldStartWith("manifest.yml:7:");
        error.Message.ShouldContain("not valid YAML");
    }

    [Fact]
    public async Task A_manifest_without_app_id_is_refused_with_its_position()
    {
        using var app = new TempApp();
        app.Write("manifest.yml", "app:\n  runtime:\n    name: nodejs22.x\nmodules: {}\n");

        (await ScanFails(app.Root)).Message.ShouldBe("manifest.yml:2:3: missing 'id'");
    }

    [Fact]
    public async Task A_module_list_that_is_not_a_list_is_refused_with_its_position()
    {
        using var app = new TempApp();
        app.Write("manifest.yml", "app:\n  id: x\nmodules:\n  webtrigger: hook\n");

        (await ScanFails(app.Root)).Message.ShouldBe("manifest.yml:4:15: modules.webtrigger must be a list of modules");
    }

    [Fact]
    public async Task A_javascript_syntax_error_names_file_line_and_column()
    {
        using var app = new TempApp();
        app.Write("src/index.js", "import api from '@forge/api';\n\nexport const handler = async (req) => {\n  return api.asApp(.requestJira('/x');\n};\n");

        var error = await ScanFails(app.Root);

        error.Message.ShouldStartWith("src/index.js:4:");
        error.Message.ShouldContain("syntax error");
    }

    [Fact]
    public async Task A_typescript_syntax_error_names_file_line_and_column()
    {
        using var app = new TempApp();
        File.Delete(app.PathOf("src/index.js"));
        app.Write("src/index.ts", "export const handler = async (req: { payload: string }) => {\n  const x: number = ;\n};\n");

        var error = await ScanFails(app.Root);

        error.Message.ShouldStartWith("src/index.ts:2:");
    }

    [Fact]
    public async Task A_handler_whose_file_is_missing_is_refused_naming_the_manifest_line()
    {
        using var app = new TempApp();
        File.Delete(app.PathOf("src/index.js"));

        var error = await ScanFails(app.Root);

        error.Message.ShouldStartWith("manifest.yml:15:7:");
        error.Message.ShouldContain("no src/index.ts, .tsx, .js or .jsx");
    }

    [Fact]
    public async Task A_directory_without_manifest_is_not_a_forge_app()
    {
        using var app = new TempApp(new Dictionary<string, string> { ["src/index.js"] = "export const x = 1;\n" });

        (await ScanFails(app.Root)).Message.ShouldContain("no manifest.yml");
    }

    [Fact]
    public async Task A_five_megabyte_minified_bundle_is_analysed_and_a_flaw_at_its_end_is_found_at_the_right_column()
    {
        using var app = new TempApp();
        // Laid out like a webpack bundle: one line, modules wrapped in functions of about fifty declarations each
        // (Acornima's scope bookkeeping is quadratic in declarations per scope; real bundles keep scopes small).
        var bundle = new StringBuilder("import api,{route}from'@forge/api';(function(){");
        for (var i = 0; bundle.Length < 5 * 1024 * 1024; i++)
        {
            bundle.Append(i > 0 && i % 50 == 0 ? "})();(function(){" : string.Empty)
                .Append("function f").Append(i).Append("(a,b){var c=a+b*").Append(i).Append(";return c>10?'x").Append(i).Append("':[a,b,c].join(',')}");
        }

        bundle.Append("})();");

        var column = bundle.Length + 1;
        bundle.Append("const resolver=new (require('@forge/resolver').default)();export const handler=async(req)=>api.asApp().requestJira(route`/rest/api/3/issue/${req.payload.k}`);");
        app.Write("src/index.js", bundle.ToString());

        var report = await ForgeTestScanner.ScanAsync(app.Root);

        var finding = report.Findings.ShouldHaveSingleItem();
        finding.CheckId.ShouldBe("RMP-FORGE-001");
        finding.Location.ShouldStartWith("src/index.js:1:");
        int.Parse(finding.Location.Split(':')[2], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(column);
        finding.Evidence.Length.ShouldBeLessThan(600);
    }

    [Theory]
    [InlineData("const o = {open}1{close};", "{a: ", "}")]                       // nested object literals
    [InlineData("const {open}a{close} = [];", "[", "]")]                         // nested destructuring patterns
    [InlineData("const f = {open}1{close};", "async () => ", "")]              // nested callbacks
    public async Task Code_nested_beyond_what_the_analysis_can_follow_is_refused_by_file_not_crashed_on(string shape, string open, string close)
    {
        const int depth = 60_000;
        using var app = new TempApp();
        app.Write("src/index.js", TempApp.Resolver + "\n" + shape
            .Replace("{open}", string.Concat(Enumerable.Repeat(open, depth)), StringComparison.Ordinal)
            .Replace("{close}", string.Concat(Enumerable.Repeat(close, depth)), StringComparison.Ordinal) + "\n");

        (await ScanFails(app.Root)).Message.ShouldBe("src/index.js: code nested too deeply to analyse");
    }

    [Fact]
    public async Task A_call_chain_deeper_than_the_walk_can_follow_is_refused_naming_the_entry()
    {
        const int depth = 20_000;
        var code = new StringBuilder("""
            import Resolver from '@forge/resolver';
            import api, { route } from '@forge/api';
            const resolver = new Resolver();

            """);
        for (var i = 0; i < depth; i++)
        {
            code.Append(System.Globalization.CultureInfo.InvariantCulture, $"async function f{i}(k) {{ return f{i + 1}(k); }}\n");
        }

        code.Append(System.Globalization.CultureInfo.InvariantCulture, $"async function f{depth}(k) {{ return api.asApp().requestJira(route`/rest/api/3/issue/${{k}}`); }}\n");
        code.Append("resolver.define('get', async ({ payload }) => f0(payload.key));\nexport const handler = resolver.getDefinitions();\n");
        using var app = new TempApp();
        app.Write("src/index.js", code.ToString());

        (await ScanFails(app.Root)).Message.ShouldBe("src/index.js: call chain from jira:issuePanel 'panel' resolver → resolver 'get' nested too deeply to analyse");
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_by_name()
    {
        using var app = new TempApp();
        app.Write("src/big.js", new string('/', 2048) + "\n");

        var error = await ScanFails(app.Root, new ForgeScanOptions { Limits = new Input.InputLimits { MaxFileBytes = 1024 } });

        error.Message.ShouldStartWith("src/big.js:");
        error.Message.ShouldContain("per-file limit");
    }

    [Fact]
    public async Task A_symlink_out_of_the_app_directory_is_refused()
    {
        using var app = new TempApp();
        using var outside = new TempApp(new Dictionary<string, string> { ["secret.js"] = "export const key = 'outside';\n" });
        File.CreateSymbolicLink(app.PathOf("src/escape.js"), outside.PathOf("secret.js"));

        var error = await ScanFails(app.Root);

        error.Message.ShouldStartWith("src/escape.js:");
        error.Message.ShouldContain("outside the app directory");
    }

    [Fact]
    public async Task A_directory_symlink_out_of_the_app_is_refused()
    {
        using var app = new TempApp();
        Directory.CreateSymbolicLink(app.PathOf("src/etc"), "/etc");

        (await ScanFails(app.Root)).Message.ShouldContain("outside the app directory");
    }

    [Fact]
    public async Task A_zip_bomb_is_refused()
    {
        using var app = new TempApp();
        var zip = app.PathOf("bomb.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            Add(archive, "manifest.yml", TempApp.Manifest);
            Add(archive, "src/index.js", TempApp.Resolver);
            var entry = archive.CreateEntry("src/zeros.js", CompressionLevel.SmallestSize);
            using var stream = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                stream.Write(zeros);
            }
        }

        var error = await ScanFails(zip);

        error.Message.ShouldContain("src/zeros.js");
        error.Message.ShouldContain("zip bomb");
    }

    [Fact]
    public async Task A_zip_entry_escaping_the_app_directory_is_refused()
    {
        using var app = new TempApp();
        var zip = app.PathOf("slip.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            Add(archive, "manifest.yml", TempApp.Manifest);
            Add(archive, "src/index.js", TempApp.Resolver);
            Add(archive, "../../evil.js", "export const x = 1;");
        }

        (await ScanFails(zip)).Message.ShouldContain("'../../evil.js' has a path outside the app directory");
    }

    [Fact]
    public async Task A_zip_symlink_entry_is_refused()
    {
        using var app = new TempApp();
        var zip = app.PathOf("link.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            Add(archive, "manifest.yml", TempApp.Manifest);
            Add(archive, "src/index.js", TempApp.Resolver);
            var link = archive.CreateEntry("src/link.js");
            link.ExternalAttributes = unchecked((int)(0xA1FFu << 16)); // S_IFLNK | 0777
            using var writer = new StreamWriter(link.Open());
            writer.Write("/etc/passwd");
        }

        (await ScanFails(zip)).Message.ShouldContain("symbolic link");
    }

    [Fact]
    public async Task A_file_that_is_not_a_zip_is_refused()
    {
        using var app = new TempApp();
        app.Write("fake.zip", "this is not a zip");

        (await ScanFails(app.PathOf("fake.zip"))).Message.ShouldContain("not a readable .zip");
    }

    private static void Add(ZipArchive archive, string name, string text)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name).Open());
        writer.Write(text);
    }
}
