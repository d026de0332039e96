using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Tests.Reports;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("a|b", @"a\|b")]
    [InlineData("`code`", @"\`code\`")]
    [InlineData("*bold* _it_", @"\*bold\* \_it\_")]
    [InlineData("[x](javascript:alert(1))", @"\[x\](javascript:alert(1))")]
    [InlineData("<svg/onload=alert(1)>", "&lt;svg/onload=alert(1)&gt;")]
    [InlineData("&lt;", "&amp;lt;")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("~~strike~~ $x$", @"\~\~strike\~\~ \$x\$")]
    [InlineData("two\nlines\r\nhere", "two lines here")]
    public void Inline_escapes_markdown_and_html(string text, string expected) =>
        MarkdownText.Inline(text).ShouldBe(expected);

    [Fact]
    public void Escaped_backslash_before_a_pipe_still_escapes_the_pipe()
    {
        MarkdownText.Inline(@"a\|b").ShouldBe(@"a\\\|b");
    }

    [Theory]
    [InlineData("https://app.example.com/x?a=1&b=<svg>", "`https://app.example.com/x?a=1&b=<svg>`")]
    [InlineData("a|b", @"`a\|b`")]
    [InlineData("has ` one", "``has ` one``")]
    [InlineData("`starts", "`` `starts ``")]
    [InlineData(" both ", "`  both  `")]
    [InlineData("two\nlines", "`two lines`")]
    public void Code_in_table_is_a_code_span_that_no_content_can_close(string text, string expected) =>
        MarkdownText.CodeInTable(text).ShouldBe(expected);

    [Theory]
    [InlineData("plain", "```")]
    [InlineData("has ``` inside", "````")]
    [InlineData("has ````` five", "``````")]
    [InlineData("`a` ``b``", "```")]
    public void Fence_is_longer_than_any_backtick_run_inside(string evidence, string fence)
    {
        var block = MarkdownText.Fenced(evidence);

        block.ShouldBe($"{fence}text\n{evidence}\n{fence}\n");
    }

    [Fact]
    public void Fenced_text_has_normalised_line_breaks_and_no_terminal_escapes()
    {
        MarkdownText.Fenced("a\r\nb\u001b[2J\n\n").ShouldBe("```text\na\nb\uFFFD[2J\n```\n");
    }
}
