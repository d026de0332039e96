using System.IO.Compression;
using System.Text;

namespace Rampart.Forge.Tests;

/// <summary>
/// Hostile manifests (issue 12, defect 2): nested aliases that stand for hundreds of millions of nodes and nesting
/// deep enough to overflow the YAML loader's recursion end in one error with file:line:column, not in exhausted
/// memory or a killed process, from a directory and from a .zip alike.
/// </summary>
public sealed class BoundedYamlParserTests
{
    private const string Valid = "app:\n  id: ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000\n  runtime:\n    name: nodejs22.x\nmodules: {}\n";

    /// <summary>Ten levels of ten aliases each: 10^10 nodes when expanded, about 1 KB of text.</summary>
    private static string Laughs()
    {
        var text = new StringBuilder(Valid).Append("x-laughs:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 10; i++)
        {
            text.Append($"  l{i}: &l{i} [").AppendJoin(", ", Enumerable.Repeat($"*l{i - 1}", 10)).Append("]\n");
        }

        return text.ToString();
    }

    [Fact]
    public async Task Nested_aliases_are_refused_where_they_cross_the_bound()
    {
        using var app = new TempApp();
        app.Write("manifest.yml", Laughs());

        var error = await Should.ThrowAsync<ForgeInputException>(() => ForgeTestScanner.ScanAsync(app.Root));

        // l0 has 11 nodes, l4 expands to 111,111 and l5 starts at line 12: the bound is crossed inside line 11 (l4).
        error.Message.ShouldStartWith("manifest.yml:11:");
        error.Message.ShouldContain("more than 100,000 nodes");
    }

    [Fact]
    public async Task Deep_nesting_is_refused_at_the_level_that_crosses_the_limit()
    {
        using var app = new TempApp();
        app.Write("manifest.yml", Valid + "x-deep: " + new string('[', 200_000) + new string(']', 200_000) + "\n");

        var error = await Should.ThrowAsync<ForgeInputException>(() => ForgeTestScanner.ScanAsync(app.Root));

        // "x-deep" is inside the root mapping (level 1): the 64th bracket opens level 65, at column 9 + 63.
        error.Message.ShouldBe("manifest.yml:6:72: nested deeper than 64 levels; Rampart refuses it rather than exhaust memory or the stack");
    }

    [Fact]
    public async Task The_same_bound_holds_inside_a_zip()
    {
        var zip = Path.Combine(Path.GetTempPath(), $"rampart-laughs-{Guid.NewGuid():N}.zip");
        try
        {
            using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            {
                await using var entry = archive.CreateEntry("manifest.yml").Open();
                await entry.WriteAsync(Encoding.UTF8.GetBytes(Laughs()));
            }

            var error = await Should.ThrowAsync<ForgeInputException>(() => ForgeTestScanner.ScanAsync(zip));

            error.Message.ShouldContain("more than 100,000 nodes");
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public async Task Ordinary_anchors_and_aliases_still_work()
    {
        using var app = new TempApp();
        app.Write("manifest.yml", Valid.Replace("modules: {}\n", """
            modules:
              jira:issuePanel:
                - key: panel
                  resource: main
                  resolver: &resolver
                    function: resolver
                  title: Panel
                - key: panel-two
                  resource: main
                  resolver: *resolver
                  title: Panel two
              function:
                - key: resolver
                  handler: index.handler
            resources:
              - key: main
                path: static/build

            """, StringComparison.Ordinal));
        app.Write("src/index.js", "export const handler = async () => ({ ok: true });\n");

        var report = await ForgeTestScanner.ScanAsync(app.Root);

        report.Findings.ShouldBeEmpty();
    }
}
