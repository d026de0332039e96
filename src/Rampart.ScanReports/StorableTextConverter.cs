using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rampart.ScanReports;

/// <summary>Reads every string of a report through <see cref="StorableText.Sanitize"/>; writes strings unchanged.</summary>
internal sealed class StorableTextConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StorableText.Sanitize(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
