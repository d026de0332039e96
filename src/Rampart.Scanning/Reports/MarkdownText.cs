using System.Text;

using Rampart.ScanReports;

namespace Rampart.Scanning.Reports;

/// <summary>Puts untrusted text into Markdown so that it renders as exactly that text and nothing more.</summary>
internal static class MarkdownText
{
    /// <summary>
    /// One line of inline text, safe in a paragraph, heading or table cell: Markdown metacharacters are backslash-escaped
    /// (a <c>|</c> would otherwise split a table cell, <c>$</c> starts math on GitHub) and HTML is entity-encoded, so an
    /// app name cannot inject a link, an image or markup into a report a vendor attaches to a ticket.
    /// </summary>
    public static string Inline(string text)
    {
        var line = ReportText.ForLine(text);
        var builder = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '$':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// One line of literal text as a code span, for URLs, locations and ids in table cells: nothing inside a code span is
    /// markup, and unlike plain text a URL in one is not turned into a link by renderers that autolink (GitHub does).
    /// Only for table cells: GFM reads <c>\|</c> as a pipe inside a code span there, elsewhere the backslash would show.
    /// </summary>
    public static string CodeInTable(string text)
    {
        var line = ReportText.ForLine(text).Replace("|", "\\|", StringComparison.Ordinal);
        if (line.Trim().Length == 0)
        {
            return Inline(text);
        }

        var delimiter = new string('`', LongestBacktickRun(line) + 1);

        // A span that starts or ends with a backtick needs a space to keep it apart from the delimiter; CommonMark strips
        // one space from each end when both are there.
        var padding = line.StartsWith('`') || line.EndsWith('`') || (line.StartsWith(' ') && line.EndsWith(' ')) ? " " : string.Empty;
        return $"{delimiter}{padding}{line}{padding}{delimiter}";
    }

    /// <summary>
    /// A fenced code block whose fence is longer than any run of backticks inside, so no content line can close it early.
    /// </summary>
    public static string Fenced(string text, string info = "text")
    {
        var body = ReportText.ForDisplay(text).TrimEnd('\n');
        var fence = new string('`', Math.Max(3, LongestBacktickRun(body) + 1));
        return $"{fence}{info}\n{body}\n{fence}\n";
    }

    private static int LongestBacktickRun(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
