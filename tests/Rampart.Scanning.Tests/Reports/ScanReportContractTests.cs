using System.Text.Json.Nodes;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Tests.Reports;

/// <summary>Keeps docs/scan-report.md, docs/schemas/scan-report.schema.json and the serializer saying the same thing.</summary>
public sealed class ScanReportContractTests
{
    private static readonly JsonObject Schema =
        JsonNode.Parse(File.ReadAllText(JsonSchemaValidation.PathOf("Contract", "scan-report.schema.json")))!.AsObject();

    private static string Documentation => File.ReadAllText(JsonSchemaValidation.PathOf("Contract", "scan-report.md"));

    [Fact]
    public void Serialized_reports_validate_against_the_published_schema()
    {
        JsonSchemaValidation.ShouldBeValid(JsonSchemaValidation.ScanReportSchema, ScanReportJson.Serialize(SampleReports.Hostile()));
        JsonSchemaValidation.ShouldBeValid(JsonSchemaValidation.ScanReportSchema, ScanReportJson.Serialize(SampleReports.Clean()));
    }

    [Fact]
    public void Schema_declares_exactly_the_properties_the_serializer_writes()
    {
        var serialized = JsonNode.Parse(ScanReportJson.Serialize(SampleReports.Hostile()))!;
        var problems = new List<string>();

        Compare(serialized, Schema, "$", problems);

        problems.ShouldBeEmpty(string.Join('\n', problems));
    }

    [Fact]
    public void Documentation_names_every_property_of_the_schema()
    {
        var documentation = Documentation;

        foreach (var name in PropertyNames(Schema).Distinct(StringComparer.Ordinal))
        {
            documentation.ShouldContain($"`{name}`", Case.Sensitive, $"docs/scan-report.md does not describe {name}");
        }
    }

    [Fact]
    public void Documentation_example_is_exactly_what_rampart_writes()
    {
        var example = DocumentationExample();

        JsonSchemaValidation.ShouldBeValid(JsonSchemaValidation.ScanReportSchema, example);
        var report = ScanReportJson.Deserialize(example);
        ScanReportJson.Serialize(report).ShouldBe(example);
        report.Tool.Name.ShouldBe(ScanEngine.Tool.Name, "the documented tool.name must be the one the scanner writes");
        foreach (var finding in report.Findings)
        {
            finding.Fingerprint.ShouldBe(Fingerprint.Compute(report.App.Key, finding.CheckId, finding.Location));
        }
    }

    [Fact]
    public void Documentation_normalisation_example_holds()
    {
        Documentation.ShouldContain("`HTTPS://App.Example.com:443/rest/x?token=abc&b=2&a=1#frag` normalises to\n`https://app.example.com/rest/x?a&b&token`");
        Fingerprint.NormaliseLocation("HTTPS://App.Example.com:443/rest/x?token=abc&b=2&a=1#frag").ShouldBe("https://app.example.com/rest/x?a&b&token");
    }

    [Theory]
    [InlineData("requirements", 0, "status", "passed")]
    [InlineData("requirements", 0, "status", "Not-Applicable")]
    [InlineData("findings", 0, "severity", "High")]
    [InlineData("findings", 0, "fingerprint", "not-a-fingerprint")]
    [InlineData("findings", 0, "checkId", "TLS-1")]
    public void Schema_rejects_values_outside_the_contract(string array, int index, string property, string value)
    {
        var report = JsonNode.Parse(ScanReportJson.Serialize(SampleReports.Hostile()))!;
        report[array]![index]![property] = value;

        JsonSchemaValidation.Errors(JsonSchemaValidation.ScanReportSchema, report.ToJsonString()).ShouldNotBeEmpty();
    }

    [Fact]
    public void Schema_rejects_another_schema_version_and_a_missing_field()
    {
        var report = JsonNode.Parse(ScanReportJson.Serialize(SampleReports.Hostile()))!;
        report["schemaVersion"] = 2;
        report["findings"]![0]!.AsObject().Remove("advisory");

        var errors = JsonSchemaValidation.Errors(JsonSchemaValidation.ScanReportSchema, report.ToJsonString());

        errors.ShouldContain(e => e.Contains("/schemaVersion", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("advisory", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_allows_fields_added_later()
    {
        var report = JsonNode.Parse(ScanReportJson.Serialize(SampleReports.Hostile()))!;
        report["addedInALaterRelease"] = "ignored by this version's readers";

        JsonSchemaValidation.ShouldBeValid(JsonSchemaValidation.ScanReportSchema, report.ToJsonString());
        ScanReportJson.Deserialize(report.ToJsonString()).App.Key.ShouldBe(SampleReports.AppKey);
    }

    private static string DocumentationExample()
    {
        var documentation = Documentation.Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = documentation.IndexOf("## Example\n\n```json\n", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, "docs/scan-report.md has no example");
        start = documentation.IndexOf('\n', documentation.IndexOf("```json", start, StringComparison.Ordinal)) + 1;
        var end = documentation.IndexOf("\n```", start, StringComparison.Ordinal);
        return documentation[start..end];
    }

    /// <summary>Walks a serialized report and the schema together, noting properties only one of them has.</summary>
    private static void Compare(JsonNode? instance, JsonNode schema, string path, List<string> problems)
    {
        schema = Resolve(schema);
        switch (instance)
        {
            case JsonObject obj:
                var declared = schema["properties"]?.AsObject();
                foreach (var (name, value) in obj)
                {
                    if (declared?[name] is { } property)
                    {
                        Compare(value, property, $"{path}.{name}", problems);
                    }
                    else
                    {
                        problems.Add($"{path}.{name} is written but not in the schema");
                    }
                }

                foreach (var (name, _) in declared ?? [])
                {
                    if (!obj.ContainsKey(name))
                    {
                        problems.Add($"{path}.{name} is in the schema but not written");
                    }
                }

                break;
            case JsonArray array when schema["items"] is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    Compare(array[i], items, $"{path}[{i}]", problems);
                }

                break;
        }
    }

    private static JsonNode Resolve(JsonNode schema) =>
        schema["$ref"] is { } reference && ((string)reference!).StartsWith("#/$defs/", StringComparison.Ordinal)
            ? Resolve(Schema["$defs"]![((string)reference!)["#/$defs/".Length..]]!)
            : schema;

    private static IEnumerable<string> PropertyNames(JsonNode schema)
    {
        if (schema is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (key == "properties" && value is JsonObject properties)
                {
                    foreach (var (name, _) in properties)
                    {
                        yield return name;
                    }
                }

                if (value is not null)
                {
                    foreach (var name in PropertyNames(value))
                    {
                        yield return name;
                    }
                }
            }
        }
    }
}

public sealed class ScanReportStrictReadingTests
{
    [Theory]
    [InlineData("upcoming")]
    [InlineData("findings")]
    [InlineData("app")]
    public void A_report_missing_a_required_member_is_refused(string member)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Rampart.ScanReports.ScanReportJson.Serialize(SampleReports.Hostile()))!.AsObject();
        json.Remove(member);

        Should.Throw<System.Text.Json.JsonException>(() => Rampart.ScanReports.ScanReportJson.Deserialize(json.ToJsonString()))
            .Message.ShouldContain(member, Case.Insensitive);
    }
}
