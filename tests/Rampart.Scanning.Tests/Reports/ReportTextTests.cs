using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Tests.Reports;

public sealed class ReportTextTests
{
    [Fact]
    public void Xml_keeps_legal_characters_and_replaces_the_rest()
    {
        var text = "ok\t\n\r é 😀 \u0000\u0007\u001b \uFFFE \uD800 \uDC00 end";

        ReportText.ForXml(text).ShouldBe("ok\t\n\r é 😀 \uFFFD\uFFFD\uFFFD \uFFFD \uFFFD \uFFFD end");
    }

    [Fact]
    public void Display_normalises_line_breaks_and_neutralises_terminal_escapes_and_bidi_overrides()
    {
        var text = "a\r\nb\rc\n\td \u001b[31m \u202Eevil\u202C \u0085";

        ReportText.ForDisplay(text).ShouldBe("a\nb\nc\n\td \uFFFD[31m \uFFFDevil\uFFFD \uFFFD");
    }

    [Fact]
    public void Line_turns_line_breaks_and_tabs_into_spaces()
    {
        ReportText.ForLine("a\r\nb\rc\nd\te\u0000").ShouldBe("a b c d e\uFFFD");
    }

    [Fact]
    public void Clean_text_is_returned_as_is()
    {
        const string text = "plain text, nothing to do";

        ReferenceEquals(ReportText.ForXml(text), text).ShouldBeTrue();
        ReferenceEquals(ReportText.ForDisplay(text), text).ShouldBeTrue();
    }
}
