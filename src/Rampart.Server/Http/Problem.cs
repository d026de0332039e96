using System.Text.Json.Serialization;

namespace Rampart.Server.Http;

/// <summary>
/// The RFC 7807 body every error response carries (<c>application/problem+json</c>), as the OpenAPI document describes
/// it. The server writes it as the framework's <c>ProblemDetails</c> (<see cref="ProblemWriter"/>, completed by
/// <see cref="ProblemCustomization"/>); a test compares a served problem's fields with this record's.
/// </summary>
public sealed record Problem(
    string Type,
    string Title,
    int Status,
    string Detail,
    string? Instance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Errors = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TraceId = null)
{
    /// <summary>The base of every problem type URI; the slug after it names the kind of problem.</summary>
    public const string TypeBase = "https://rampart.dev/problems/";
}
