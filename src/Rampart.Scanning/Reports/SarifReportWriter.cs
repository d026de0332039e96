using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rampart.Catalog;

using Rampart.ScanReports;

namespace Rampart.Scanning.Reports;

/// <summary>
/// SARIF 2.1.0 for code-scanning dashboards: one run, one rule per check that found something, one result per finding.
/// Requirement statuses, which SARIF has no place for, go in the run's property bag.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public const string SarifVersion = "2.1.0";

    /// <summary>The key in <c>partialFingerprints</c> that carries the finding's fingerprint.</summary>
    public const string FingerprintKey = "rampart/v1";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Default,
    };

    private readonly Uri informationUri;

    public SarifReportWriter()
        : this(DefaultInformationUri)
    {
    }

    public SarifReportWriter(Uri informationUri)
    {
        ArgumentNullException.ThrowIfNull(informationUri);
        if (!informationUri.IsAbsoluteUri)
        {
            throw new ArgumentException("SARIF needs an absolute informationUri.", nameof(informationUri));
        }

        this.informationUri = informationUri;
    }

    /// <summary>
    /// Rampart has no public home yet. A name under the reserved <c>.invalid</c> domain (RFC 2606) can never be registered
    /// by someone else, so a dashboard cannot send users to a stranger's site; pass the real address once there is one.
    /// </summary>
    public static Uri DefaultInformationUri { get; } = new("https://rampart.invalid/");

    public string Format => "sarif";

    public string FileExtension => ".sarif";

    public async Task WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        await JsonSerializer.SerializeAsync(output, Build(report), Options, cancellationToken);
    }

    private JsonObject Build(ScanReport report)
    {
        var checkIds = report.Findings.Select(f => f.CheckId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var ruleIndex = checkIds.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index, StringComparer.Ordinal);

        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = "Rampart",
                    ["version"] = report.Tool.Version,
                    ["informationUri"] = informationUri.AbsoluteUri,
                    ["rules"] = Array(checkIds.Select(id => Rule(id, report.Findings.Where(f => f.CheckId == id).ToList()))),
                },
            },
            ["invocations"] = new JsonArray(Invocation(report)),
            ["results"] = Array(report.Findings.Select(f => Result(f, ruleIndex[f.CheckId]))),
            ["properties"] = RunProperties(report),
        };

        return new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = SarifVersion,
            ["runs"] = new JsonArray(run),
        };
    }

    private static JsonObject Rule(string checkId, IReadOnlyList<Finding> findings)
    {
        var first = findings[0];
        var requirementIds = findings.Select(f => f.RequirementId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var remediation = findings.Select(f => f.Remediation).FirstOrDefault(r => !string.IsNullOrWhiteSpace(r))
            ?? $"Meet requirement {string.Join(", ", requirementIds)} of the security requirements catalog.";

        var tags = new JsonArray("security");
        foreach (var requirementId in requirementIds)
        {
            tags.Add($"requirement:{requirementId}");
        }

        var properties = new JsonObject { ["tags"] = tags };
        var blocking = findings.Where(f => !f.Advisory).ToList();
        if (blocking.Count > 0 && SecuritySeverity(blocking.Max(f => f.Severity)) is { } score)
        {
            properties["security-severity"] = score;
        }

        return new JsonObject
        {
            ["id"] = checkId,
            ["name"] = RuleName(first.Title, checkId),
            ["shortDescription"] = new JsonObject { ["text"] = first.Title },
            ["help"] = new JsonObject { ["text"] = remediation },
            ["defaultConfiguration"] = new JsonObject { ["level"] = findings.Select(Level).MaxBy(LevelRank) },
            ["properties"] = properties,
        };
    }

    private static JsonObject Result(Finding finding, int ruleIndex) => new()
    {
        ["ruleId"] = finding.CheckId,
        ["ruleIndex"] = ruleIndex,
        ["level"] = Level(finding),
        ["message"] = new JsonObject { ["text"] = $"{finding.Title} (requirement {finding.RequirementId})" },
        ["locations"] = new JsonArray(Location(finding.Location)),
        ["partialFingerprints"] = new JsonObject { [FingerprintKey] = finding.Fingerprint },
        ["properties"] = new JsonObject
        {
            ["requirementId"] = finding.RequirementId,
            ["severity"] = finding.Severity.ToId(),
            ["advisory"] = finding.Advisory,
            ["location"] = finding.Location,
            ["evidence"] = finding.Evidence,
        },
    };

    private static JsonObject Location(string text)
    {
        var location = FindingLocation.Parse(text);
        switch (location.Kind)
        {
            case FindingLocationKind.Url:
                return new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = location.Url!.AbsoluteUri },
                    },
                };
            case FindingLocationKind.File:
                var region = new JsonObject { ["startLine"] = location.Line };
                if (location.Column is { } column)
                {
                    region["startColumn"] = column;
                }

                return new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = RelativeUri(location.Path!) },
                        ["region"] = region,
                    },
                };
            case FindingLocationKind.JsonPath:
                return LogicalLocation(location.Text, kind: null);
            default:
                return LogicalLocation(location.Text, kind: "resource");
        }
    }

    private static JsonObject LogicalLocation(string name, string? kind)
    {
        var logical = new JsonObject { ["fullyQualifiedName"] = name };
        if (kind is not null)
        {
            logical["kind"] = kind;
        }

        return new JsonObject { ["logicalLocations"] = new JsonArray(logical) };
    }

    /// <summary>A file path as a URI reference: forward slashes, every segment percent-encoded.</summary>
    private static string RelativeUri(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static JsonObject Invocation(ScanReport report)
    {
        var invocation = new JsonObject
        {
            // An unverified requirement means the scan did not fully succeed, whatever else it found.
            ["executionSuccessful"] = report.Requirements.All(r => r.Status != RequirementStatus.Error),
            ["startTimeUtc"] = UtcTimestamp(report.StartedAt),
            ["endTimeUtc"] = UtcTimestamp(report.FinishedAt),
        };
        var notifications = report.Requirements
            .Where(r => r.Status == RequirementStatus.Error)
            .Select(r => (JsonNode)new JsonObject
            {
                ["level"] = "error",
                ["message"] = new JsonObject
                {
                    ["text"] = $"Requirement {r.Id} could not be verified: {r.Reason ?? "no reason given"}",
                },
            })
            .ToArray();
        if (notifications.Length > 0)
        {
            invocation["toolExecutionNotifications"] = new JsonArray(notifications);
        }

        return invocation;
    }

    private static JsonObject RunProperties(ScanReport report) => new()
    {
        ["schemaVersion"] = report.SchemaVersion,
        ["verdict"] = ReportSummary.Of(report).Verdict,
        ["app"] = new JsonObject
        {
            ["kind"] = report.App.Kind,
            ["key"] = report.App.Key,
            ["name"] = report.App.Name,
            ["baseUrl"] = report.App.BaseUrl,
            ["descriptorUrl"] = report.App.DescriptorUrl,
        },
        ["catalog"] = new JsonObject
        {
            ["id"] = report.Catalog.Id,
            ["effective"] = ReportText.Date(report.Catalog.Effective),
        },
        ["requirements"] = Array(report.Requirements.Select(r => new JsonObject
        {
            ["id"] = r.Id,
            ["title"] = r.Title,
            ["status"] = r.Status.ToId(),
            ["reason"] = r.Reason,
            ["checks"] = Array(r.Checks.Select(c => JsonValue.Create(c))),
        })),
        ["upcoming"] = Array(report.Upcoming.Select(u => new JsonObject
        {
            ["catalogId"] = u.CatalogId,
            ["effective"] = ReportText.Date(u.Effective),
            ["requirementId"] = u.RequirementId,
            ["title"] = u.Title,
        })),
        ["skipped"] = Array(report.Skipped.Select(s => new JsonObject
        {
            ["checkId"] = s.CheckId,
            ["location"] = s.Location,
            ["reason"] = s.Reason,
        })),
    };

    private static string Level(Finding finding) => finding.Advisory
        ? "note"
        : finding.Severity switch
        {
            Severity.Critical or Severity.High => "error",
            Severity.Medium => "warning",
            _ => "note",
        };

    private static int LevelRank(string level) => level switch
    {
        "error" => 3,
        "warning" => 2,
        _ => 1,
    };

    /// <summary>
    /// GitHub code scanning sorts security alerts by this CVSS-like score (critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0,
    /// low &gt; 0); informational findings get none so they are not shown as vulnerabilities.
    /// </summary>
    private static string? SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "3.0",
        _ => null,
    };

    /// <summary>SARIF wants a readable identifier as the rule name: the finding title in PascalCase, else the check id.</summary>
    private static string RuleName(string title, string checkId)
    {
        var builder = new StringBuilder(title.Length);
        foreach (var word in title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string(word.Where(char.IsAsciiLetterOrDigit).ToArray());
            if (letters.Length > 0)
            {
                builder.Append(char.ToUpperInvariant(letters[0])).Append(letters.AsSpan(1));
            }
        }

        return builder.Length > 0 ? builder.ToString() : checkId;
    }

    private static string UtcTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);
}
