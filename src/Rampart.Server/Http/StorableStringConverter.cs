using System.Text.Json;
using System.Text.Json.Serialization;
using Rampart.ScanReports;

namespace Rampart.Server.Http;

/// <summary>
/// Refuses a request-body string that no store can hold: a name or comment with a NUL is a client bug, and PostgreSQL
/// would fail the insert. (A lone surrogate escape never gets here: the JSON reader itself refuses to decode it.)
/// The serializer adds the field's path to the error.
/// </summary>
internal sealed class StorableStringConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString()!;
        var at = StorableText.FirstUnstorable(text);
        return at < 0
            ? text
            : throw new JsonException($"the string holds {(text[at] == '\0' ? "a NUL character" : "a lone UTF-16 surrogate")} at character {at + 1}, which cannot be stored");
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
