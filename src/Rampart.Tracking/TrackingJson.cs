using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rampart.Tracking;

/// <summary>
/// The tracker's JSON wire format: camelCase names, enums as kebab-case strings (<c>in-progress</c>,
/// <c>security-analyst</c>, <c>critical</c>), dates as ISO 8601.
/// </summary>
public static class TrackingJson
{
    /// <summary>The enum converter to add to any serializer options that write tracker DTOs.</summary>
    public static JsonConverter EnumConverter { get; } = new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(EnumConverter);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
