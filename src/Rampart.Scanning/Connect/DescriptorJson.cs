using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Rampart.Scanning.Connect;

/// <summary>
/// Typed reads of descriptor fields. Every wrong type becomes a <see cref="DescriptorException"/> naming the path,
/// so a vendor can fix the descriptor from the message alone.
/// </summary>
internal static class DescriptorJson
{
    private const int MaxQuotedLength = 80;

    public static void RequireObject(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw WrongType(element, "an object", path);
        }
    }

    public static void RequireArray(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(element, "an array", path);
        }
    }

    public static string RequireString(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw WrongType(element, "a string", path);
        }

        // The input check read every string once, so invalid UTF-8 cannot reach here.
        return element.GetString()!;
    }

    public static string RequireNonEmptyString(JsonElement parent, string name, string parentPath)
    {
        var path = JsonPathText.Property(parentPath, name);
        if (!parent.TryGetProperty(name, out var value))
        {
            throw new DescriptorException("required field is missing", path);
        }

        var text = RequireString(value, path);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DescriptorException("must not be empty", path);
        }

        return text;
    }

    public static string? OptionalString(JsonElement parent, string name, string parentPath) =>
        parent.TryGetProperty(name, out var value) ? RequireString(value, JsonPathText.Property(parentPath, name)) : null;

    public static bool? OptionalBoolean(JsonElement parent, string name, string parentPath)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(value, "a boolean", JsonPathText.Property(parentPath, name)),
        };
    }

    public static DescriptorException WrongType(JsonElement found, string expected, string path) =>
        new($"expected {expected}, found {Describe(found.ValueKind)}", path);

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>Quotes a vendor-written value for a message: JSON-escaped so control characters cannot forge output, and bounded.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, MaxQuotedLength) + 8).Append('"');
        foreach (var c in value.Length <= MaxQuotedLength ? value : value[..MaxQuotedLength])
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append(value.Length <= MaxQuotedLength ? "\"" : "\"…").ToString();
    }
}
