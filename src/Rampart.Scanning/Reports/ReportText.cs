using System.Globalization;
using System.Text;

using Rampart.ScanReports;

namespace Rampart.Scanning.Reports;

/// <summary>Makes untrusted text from an app or its server safe to place in a human-readable report.</summary>
public static class ReportText
{
    private const char Replacement = '\uFFFD';

    /// <summary>
    /// Keeps tabs and line breaks (normalised to <c>\n</c>) and replaces every other control character, lone surrogate and
    /// bidirectional override with U+FFFD: escape sequences must not drive the terminal of someone who <c>cat</c>s a report,
    /// and bidi overrides must not make evidence read differently from what it is ("trojan source").
    /// </summary>
    public static string ForDisplay(string text)
    {
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return Sanitise(normalised, keepLineBreaks: true);
    }

    /// <summary>Like <see cref="ForDisplay"/> but on one line: line breaks and tabs become spaces.</summary>
    public static string ForLine(string text) =>
        Sanitise(text.Replace("\r\n", " ", StringComparison.Ordinal), keepLineBreaks: false);

    /// <summary>
    /// Replaces the characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE/U+FFFF, lone surrogates); a server
    /// can put any byte in a response, and one such character would make the whole JUnit file unreadable.
    /// </summary>
    public static string ForXml(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            var legal = c is '\t' or '\n' or '\r' || (c >= '\u0020' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD');
            if (legal)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text.Length).Append(text, 0, i);
            builder.Append(Replacement);
        }

        return builder?.ToString() ?? text;
    }

    private static string Sanitise(string text, bool keepLineBreaks)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            char? replacement = c switch
            {
                '\n' or '\t' when keepLineBreaks => null,
                '\n' or '\t' or '\r' => ' ',
                _ when char.IsControl(c) || char.IsSurrogate(c) || IsBidiControl(c) => Replacement,
                _ => null,
            };
            if (replacement is null)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text.Length).Append(text, 0, i);
            builder.Append(replacement.Value);
        }

        return builder?.ToString() ?? text;
    }

    private static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Duration(ScanReport report) =>
        (report.FinishedAt - report.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
