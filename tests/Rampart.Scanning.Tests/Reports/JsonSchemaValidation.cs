using System.Text.Json;
using Json.Schema;

namespace Rampart.Scanning.Tests.Reports;

/// <summary>Loads the JSON schemas the tests validate against and turns an evaluation into readable errors.</summary>
internal static class JsonSchemaValidation
{
    private static readonly Lazy<JsonSchema> Sarif = new(LoadSarif);

    private static readonly Lazy<JsonSchema> ScanReport = new(() =>
        JsonSchema.FromText(File.ReadAllText(PathOf("Contract", "scan-report.schema.json"))));

    public static JsonSchema SarifSchema => Sarif.Value;

    public static JsonSchema ScanReportSchema => ScanReport.Value;

    public static string PathOf(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Reports", .. parts]);

    /// <summary>The errors of an evaluation, one per line (instance location, keyword, message); empty when valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
        if (result.IsValid)
        {
            return [];
        }

        return [.. (result.Details ?? [])
            .Where(detail => detail.Errors is not null)
            .SelectMany(detail => detail.Errors!.Select(error =>
                $"{detail.InstanceLocation} ({detail.EvaluationPath}) {error.Key}: {error.Value}"))];
    }

    public static void ShouldBeValid(JsonSchema schema, string json)
    {
        var errors = Errors(schema, json);
        errors.ShouldBeEmpty("schema errors:\n" + string.Join('\n', errors));
    }

    /// <summary>
    /// The official SARIF schema declares JSON Schema draft-04, which JsonSchema.Net does not ship. Draft-06 differs from it
    /// only in keywords that schema does not use (<c>id</c>, boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>), so
    /// draft-06 evaluation under the draft-04 id evaluates it faithfully.
    /// </summary>
    private static JsonSchema LoadSarif()
    {
        var dialects = new DialectRegistry();
        dialects.Register(Dialect.Draft06.With([], new Uri("http://json-schema.org/draft-04/schema#")));
        return JsonSchema.FromText(
            File.ReadAllText(PathOf("Schemas", "sarif-schema-2.1.0.json")),
            new BuildOptions { DialectRegistry = dialects });
    }
}
