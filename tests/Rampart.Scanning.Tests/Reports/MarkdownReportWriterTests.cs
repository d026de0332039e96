using Rampart.Catalog;
using System.Text.RegularExpressions;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Tests.Reports;

public sealed partial class MarkdownReportWriterTests
{
    private static async Task<string> WriteAsync(ScanReport report) =>
        Normalise(await SampleReports.WriteAsync(new MarkdownReportWriter(), report));

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public async Task Hostile_report_matches_the_expected_file()
    {
        var expected = Normalise(await File.ReadAllTextAsync(JsonSchemaValidation.PathOf("Expected", "hostile-report.md")));

        var actual = await WriteAsync(SampleReports.Hostile());

        actual.ShouldBe(expected, "rewrite Reports/Expected/hostile-report.md if the change is intended");
    }

    [Fact]
    public async Task Every_table_row_has_as_many_cells_as_its_header()
    {
        var markdown = await WriteAsync(SampleReports.Hostile());
        var tables = 0;
        int? columns = null;
        foreach (var line in OutsideCodeBlocks(markdown))
        {
            if (!line.StartsWith('|'))
            {
                columns = null;
                continue;
            }

            var cells = UnescapedPipes(line) - 1;
            if (columns is null)
            {
                tables++;
                columns = cells;
            }

            cells.ShouldBe(columns.Value, $"row: {line}");
        }

        tables.ShouldBe(10); // facts, requirements, one per finding, upcoming, skipped
    }

    [Fact]
    public async Task Evidence_fences_hold_whatever_the_evidence_contains()
    {
        var report = SampleReports.Hostile();
        var markdown = await WriteAsync(report);

        var blocks = CodeBlocks(markdown);

        var grouped = report.Findings.OrderBy(f => f.RequirementId == "9.9").ThenBy(f => f.RequirementId, StringComparer.Ordinal);
        blocks.ShouldBe(grouped.Select(f => ReportText.ForDisplay(f.Evidence)));
    }

    [Fact]
    public async Task Html_and_markdown_from_the_app_stay_text_outside_code_blocks()
    {
        var markdown = await WriteAsync(SampleReports.Hostile());

        foreach (var line in OutsideCodeBlocks(markdown).Select(l => CodeSpan().Replace(l, "code")))
        {
            line.ShouldNotContain('<');
            line.ShouldNotContain('>');
            HasUnescaped(line, '[').ShouldBeFalse(line);
            HasUnescaped(line, '`').ShouldBeFalse(line);
        }

        markdown.ShouldContain(@"Hostile &lt;svg/onload=alert(1)&gt; \| \*app\* \`x\` \[click\](javascript:alert(1)) \$math\$");
    }

    [Fact]
    public async Task Report_without_findings_says_so()
    {
        var markdown = await WriteAsync(SampleReports.Clean());

        markdown.ShouldContain("**Result: passed** (1 requirement: 1 passed)");
        markdown.ShouldContain("## Findings\n\nNo findings.\n");
        markdown.ShouldContain("| Base URL | — |");
        markdown.ShouldEndWith("## Skipped probes\n\nNone.\n");
    }

    [RequiresNodeFact]
    public async Task A_third_party_renderer_shows_hostile_values_as_text_in_intact_tables()
    {
        var report = SampleReports.Hostile();
        var file = Path.Combine(Path.GetTempPath(), $"rampart-report-{Guid.NewGuid():N}.md");
        await File.WriteAllTextAsync(file, await WriteAsync(report));
        try
        {
            var renderer = await NodeTooling.InstallAsync(JsonSchemaValidation.PathOf("MarkdownRenderer"), CancellationToken.None);
            var html = await NodeTooling.RunScriptAsync(renderer, "render.mjs", [file], CancellationToken.None);

            html.ShouldNotContain("<svg", Case.Insensitive);
            html.ShouldNotContain("<script", Case.Insensitive);
            html.ShouldNotContain("<b>", Case.Insensitive);
            html.ShouldNotContain("<a ", Case.Insensitive);
            html.ShouldNotContain("<em>", Case.Insensitive);
            html.ShouldNotContain("<s>", Case.Insensitive);
            html.ShouldContain("<h1>Rampart scan report: Hostile &lt;svg/onload=alert(1)&gt; | *app* `x` [click](javascript:alert(1)) $math$</h1>");
            html.ShouldContain("<td><code>https://app.example.com/rest/issue?jwt=eyJ0&amp;project=&lt;svg&gt;&amp;q=a|b`c</code></td>");

            var tables = Table().Matches(html);
            tables.Count.ShouldBe(10);
            foreach (Match table in tables)
            {
                var headers = Regex.Count(table.Value, "<th[ >]", RegexOptions.None, TimeSpan.FromSeconds(1));
                foreach (Match row in BodyRow().Matches(table.Value))
                {
                    Regex.Count(row.Value, "<td[ >]", RegexOptions.None, TimeSpan.FromSeconds(1)).ShouldBe(headers, row.Value);
                }
            }

            var evidence = CodeBlock().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).TrimEnd('\n'));
            var grouped = report.Findings.OrderBy(f => f.RequirementId == "9.9").ThenBy(f => f.RequirementId, StringComparer.Ordinal);
            evidence.ShouldBe(grouped.Select(f => ReportText.ForDisplay(f.Evidence)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A pipe splits a GFM table cell unless a backslash stands right before it, even inside a code span.</summary>
    private static int UnescapedPipes(string line) =>
        line.Where((c, i) => c == '|' && (i == 0 || line[i - 1] != '\\')).Count();

    private static bool HasUnescaped(string line, char c) =>
        line.Select((ch, i) => (ch, i)).Any(p => p.ch == c && !IsEscaped(line, p.i));

    private static bool IsEscaped(string line, int index)
    {
        var backslashes = 0;
        for (var j = index - 1; j >= 0 && line[j] == '\\'; j--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static IEnumerable<string> OutsideCodeBlocks(string markdown)
    {
        string? fence = null;
        foreach (var line in markdown.Split('\n'))
        {
            var opening = FenceLine().Match(line);
            if (fence is null && opening.Success)
            {
                fence = opening.Groups[1].Value;
            }
            else if (fence is not null && IsClosing(line, fence))
            {
                fence = null;
            }
            else if (fence is null)
            {
                yield return line;
            }
        }
    }

    /// <summary>The contents of the fenced code blocks, read as CommonMark reads them (a fence closes on a line of at least as many backticks).</summary>
    private static List<string> CodeBlocks(string markdown)
    {
        var blocks = new List<string>();
        string? fence = null;
        var body = new List<string>();
        foreach (var line in markdown.Split('\n'))
        {
            if (fence is null)
            {
                var opening = FenceLine().Match(line);
                if (opening.Success)
                {
                    fence = opening.Groups[1].Value;
                    body.Clear();
                }
            }
            else if (IsClosing(line, fence))
            {
                blocks.Add(string.Join('\n', body));
                fence = null;
            }
            else
            {
                body.Add(line);
            }
        }

        fence.ShouldBeNull("a code block was left open");
        return blocks;
    }

    private static bool IsClosing(string line, string fence) =>
        line.TrimEnd().Length >= fence.Length && line.TrimEnd().All(c => c == '`');

    [GeneratedRegex("^(`{3,})[^`]*$", RegexOptions.None, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex FenceLine();

    [GeneratedRegex("(?<!`)(`+)(?!`).+?(?<!`)\\1(?!`)", RegexOptions.None, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex CodeSpan();

    [GeneratedRegex("<table>.*?</table>", RegexOptions.Singleline, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Table();

    [GeneratedRegex("<tr>(?:(?!</tr>).)*?<td.*?</tr>", RegexOptions.Singleline, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex BodyRow();

    [GeneratedRegex("<pre><code[^>]*>(.*?)</code></pre>", RegexOptions.Singleline, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex CodeBlock();
}
