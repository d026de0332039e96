using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rampart.ScanReports;

/// <summary>Serializer settings of the ScanReport JSON contract (camelCase names, kebab-case enum values).</summary>
public static class ScanReportJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            // The default encoder escapes HTML-sensitive and all non-ASCII characters: a report pasted into a web page
            // or a log viewer cannot inject markup, at the cost of \uXXXX for non-ASCII text.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default,
            // Reports arrive from vendors' CI (tracking ingests them): a missing array or a null where the contract
            // has none is a bad report, not a null list deep inside the tracker.
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        // Evidence copied from hostile responses may hold NUL or lone surrogates: stored as U+FFFD, not refused.
        options.Converters.Add(new StorableTextConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize(ScanReport report) => JsonSerializer.Serialize(report, Options);

    public static Task SerializeAsync(ScanReport report, Stream output, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(output, report, Options, cancellationToken);

    /// <summary>Reads a report; throws <see cref="JsonException"/> naming the path of the first bad value.</summary>
    public static ScanReport Deserialize(string json) =>
        JsonSerializer.Deserialize<ScanReport>(json, Options) ?? throw new JsonException("The report is empty (null).");
}
