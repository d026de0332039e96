using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rampart.Server.Http;

/// <summary>
/// The API's JSON: camelCase, enums as kebab-case wire names (<c>in-progress</c>, <c>security-admin</c>),
/// and strict on input — a missing required field, an unknown field or a null where none is allowed is an
/// error naming the field, not a silent default.
/// </summary>
public static class WireJson
{
    /// <summary>For reading request bodies: strict.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the output conventions to an existing options object (the one minimal APIs use for responses).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // The tracker's own converter, so the API spells enums exactly as the domain defines them.
        options.Converters.Add(Rampart.Tracking.TrackingJson.EnumConverter);
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowTrailingCommas = false;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        options.MaxDepth = 32;
        options.Converters.Add(new StorableStringConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
