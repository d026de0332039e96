using System.Text;

namespace Rampart.ScanReports;

/// <summary>
/// Text as every store can hold it. PostgreSQL's <c>text</c> cannot hold U+0000 (an insert fails with 22021 and, before
/// this, left the pooled connection unusable), and a lone UTF-16 surrogate cannot be encoded to UTF-8 at all. NUL reaches
/// Rampart legitimately, in evidence copied from hostile responses, so it is replaced, never refused. (System.Text.Json
/// refuses to decode a lone surrogate escape, so from JSON only NUL arrives; strings from elsewhere may hold either.)
/// </summary>
public static class StorableText
{
    public const char Replacement = '\uFFFD';

    /// <summary>The position of the first character a store cannot hold, or -1.</summary>
    public static int FirstUnstorable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0'
                || (char.IsHighSurrogate(c) && (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])))
                || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]))))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary><paramref name="text"/> with NUL and lone surrogates replaced by U+FFFD; the same instance when it has none.</summary>
    public static string Sanitize(string text)
    {
        var first = FirstUnstorable(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(c == '\0' || char.IsSurrogate(c) ? Replacement : c);
            }
        }

        return builder.ToString();
    }
}
