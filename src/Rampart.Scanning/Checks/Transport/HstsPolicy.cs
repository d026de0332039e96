namespace Rampart.Scanning.Checks.Transport;

/// <summary>A <c>Strict-Transport-Security</c> header value read per RFC 6797 section 6.1.</summary>
/// <param name="MaxAge">The max-age in seconds; null when the header is invalid (then <paramref name="Error"/> says why).</param>
/// <param name="Preload">The <c>preload</c> token of the browsers' preload list (not in RFC 6797, which ignores unknown directives).</param>
public sealed record HstsPolicy(long? MaxAge, bool IncludeSubDomains, string? Error, bool Preload = false)
{
    /// <summary>
    /// Parses one header value. A browser ignores an invalid header entirely (RFC 6797 6.1 and 8.1), so any
    /// grammar error — a repeated directive, an unterminated quoted string, a missing or non-numeric max-age —
    /// makes the whole policy void rather than being read leniently.
    /// </summary>
    public static HstsPolicy Parse(string value)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long? maxAge = null;
        var includeSubDomains = false;
        var preload = false;
        var position = 0;
        while (true)
        {
            SkipSpace(value, ref position);
            var nameStart = position;
            while (position < value.Length && IsTokenChar(value[position]))
            {
                position++;
            }

            var name = value[nameStart..position];
            SkipSpace(value, ref position);
            string? directiveValue = null;
            if (position < value.Length && value[position] == '=')
            {
                position++;
                SkipSpace(value, ref position);
                directiveValue = ReadValue(value, ref position);
                if (directiveValue is null)
                {
                    return Invalid($"directive '{name}' has a malformed value");
                }

                SkipSpace(value, ref position);
            }

            if (name.Length > 0)
            {
                // RFC 6797 6.1 item 2: all directives MUST appear only once; a repeated one voids the header.
                if (!seen.Add(name))
                {
                    return Invalid($"directive '{name}' appears more than once");
                }

                if (name.Equals("max-age", StringComparison.OrdinalIgnoreCase))
                {
                    if (directiveValue is null || directiveValue.Length == 0 || !directiveValue.All(char.IsAsciiDigit))
                    {
                        return Invalid($"max-age '{directiveValue}' is not a number of seconds");
                    }

                    // Beyond long: still "forever" for a browser, so cap rather than reject.
                    maxAge = long.TryParse(directiveValue, System.Globalization.NumberStyles.None,
                        System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : long.MaxValue;
                }
                else if (name.Equals("includeSubDomains", StringComparison.OrdinalIgnoreCase))
                {
                    includeSubDomains = true;
                }
                else if (name.Equals("preload", StringComparison.OrdinalIgnoreCase))
                {
                    preload = true;
                }
            }
            else if (directiveValue is not null)
            {
                return Invalid("a value without a directive name");
            }

            if (position >= value.Length)
            {
                break;
            }

            if (value[position] != ';')
            {
                return Invalid($"unexpected character '{value[position]}'");
            }

            position++;
        }

        return maxAge is null ? Invalid("no max-age directive") : new HstsPolicy(maxAge, includeSubDomains, null, preload);
    }

    private static HstsPolicy Invalid(string reason) => new(null, false, reason);

    private static string? ReadValue(string value, ref int position)
    {
        if (position < value.Length && value[position] == '"')
        {
            var text = new System.Text.StringBuilder();
            for (position++; position < value.Length; position++)
            {
                var c = value[position];
                if (c == '"')
                {
                    position++;
                    return text.ToString();
                }

                if (c == '\\')
                {
                    if (++position >= value.Length)
                    {
                        return null;
                    }

                    c = value[position];
                }

                text.Append(c);
            }

            return null;
        }

        var start = position;
        while (position < value.Length && IsTokenChar(value[position]))
        {
            position++;
        }

        return value[start..position];
    }

    private static void SkipSpace(string value, ref int position)
    {
        while (position < value.Length && value[position] is ' ' or '\t')
        {
            position++;
        }
    }

    /// <summary>RFC 7230 tchar.</summary>
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
}
