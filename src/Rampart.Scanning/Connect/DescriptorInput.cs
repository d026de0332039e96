using System.Globalization;
using System.Text.Json;

namespace Rampart.Scanning.Connect;

/// <summary>
/// Checks the raw bytes before they are trusted to <see cref="JsonDocument"/>: size, encoding, syntax and depth.
/// One forward-only pass with <see cref="Utf8JsonReader"/> turns every way the bytes can be unusable into a
/// <see cref="DescriptorException"/> that names the line and byte, so the later typed reads never meet bad text.
/// </summary>
internal static class DescriptorInput
{
    /// <summary>Far deeper than real descriptors need (a macro's <c>renderModes.pdf.url</c> is seven levels down) and
    /// shallow enough that walking the tree recursively cannot exhaust the stack.</summary>
    public const int MaxDepth = 64;

    private const double Mebibyte = 1024 * 1024;

    private const int SmallestMebibyteFigure = (int)(Mebibyte / 10);

    /// <summary>The same rules for the check and for the document: RFC 8259 JSON, as Atlassian's own tooling reads it
    /// (CSRT uses Python's strict <c>json</c> module), so a descriptor with comments or trailing commas is refused here
    /// rather than accepted by Rampart and rejected at install time.</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Returns the JSON text to parse: the input without a UTF-8 byte order mark.</summary>
    public static ReadOnlyMemory<byte> Check(ReadOnlyMemory<byte> utf8Json, int maxBytes)
    {
        if (utf8Json.Length > maxBytes)
        {
            throw new DescriptorException($"descriptor is {DescribeSize(utf8Json.Length, maxBytes)}");
        }

        var span = utf8Json.Span;

        // RFC 8259 §8.1 lets a parser ignore a UTF-8 BOM; Windows editors write one and web servers pass it on.
        if (span.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
            span = utf8Json.Span;
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new DescriptorException("descriptor is UTF-16 encoded (it starts with a UTF-16 byte order mark); JSON must be UTF-8");
        }

        if (span.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            throw new DescriptorException("descriptor is empty");
        }

        Validate(span);
        return utf8Json;
    }

    private static void Validate(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            CommentHandling = DocumentOptions.CommentHandling,
            AllowTrailingCommas = DocumentOptions.AllowTrailingCommas,

            // The reader's own limit would stop with the same generic JsonException as a syntax error; checking the
            // depth ourselves gives the vendor a message that says what is actually wrong.
            MaxDepth = MaxDepth + 1,
        });

        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth >= MaxDepth:
                        throw new DescriptorException(
                            $"descriptor is nested more than {MaxDepth} levels deep at {Position(json, reader.TokenStartIndex)}");
                    case JsonTokenType.String or JsonTokenType.PropertyName:
                        ReadText(ref reader, json);
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            throw new DescriptorException(SyntaxMessage(ex, json), ex);
        }
    }

    private static void ReadText(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        try
        {
            // JsonDocument defers string decoding until a value is read; decoding here surfaces invalid UTF-8 and
            // unpaired surrogate escapes with a position instead of an InvalidOperationException in the middle of a walk.
            _ = reader.GetString();
        }
        catch (InvalidOperationException ex)
        {
            throw new DescriptorException(
                $"descriptor holds a string that is not valid UTF-8 or has an unpaired surrogate escape at {Position(json, reader.TokenStartIndex)}", ex);
        }
    }

    private static string SyntaxMessage(JsonException ex, ReadOnlySpan<byte> json)
    {
        var reason = ex.Message;

        // System.Text.Json appends its 0-based position to the message; the message below states it 1-based instead.
        var suffix = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            reason = reason[..suffix];
        }

        var where = ex.LineNumber is { } line && ex.BytePositionInLine is { } column
            ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, byte {column + 1}")
            : "an unknown position";
        var first = json.IndexOfAnyExcept(" \t\r\n"u8);
        var hint = first >= 0 && json[first] == (byte)'<' ? " (the content looks like HTML or XML, not JSON)" : "";
        return $"descriptor is not valid JSON at {where}: {reason}{hint}";
    }

    private static string Position(ReadOnlySpan<byte> json, long offset)
    {
        var before = json[..(int)offset];
        var line = before.Count((byte)'\n') + 1;
        var column = offset - before.LastIndexOf((byte)'\n');
        return string.Create(CultureInfo.InvariantCulture, $"line {line}, byte {column}");
    }

    private static string DescribeSize(int size, int limit)
    {
        var sizeText = InMebibytes(size);
        var limitText = InMebibytes(limit);

        // MiB reads best, but under 0.1 MiB it says "0.0" and just over the limit both sides round to the same
        // figure; exact byte counts keep the message from contradicting itself.
        return limit >= SmallestMebibyteFigure && sizeText != limitText
            ? $"{sizeText} MiB, larger than the {limitText} MiB limit"
            : string.Create(CultureInfo.InvariantCulture, $"{size} bytes, larger than the {limit}-byte limit");
    }

    private static string InMebibytes(int bytes) => (bytes / Mebibyte).ToString("0.0", CultureInfo.InvariantCulture);
}
