namespace Rampart.Tracking;

/// <summary>An uploaded scan report is malformed, of an unknown schema version, invalid or not of the app it was uploaded
/// for; nothing was written.</summary>
public sealed class ReportRejectedException(string detail, int statusCode = 400, Exception? inner = null, IReadOnlyDictionary<string, string[]>? errors = null, string type = "report-rejected")
    : TrackingException("Report rejected", detail, inner)
{
    /// <summary>A report that is not of the app it was uploaded for: the field, what the registered app expects and what
    /// the report carries (422, problem type <c>report-mismatch</c>).</summary>
    public static ReportRejectedException Mismatch(string field, string expected, string got) =>
        new($"{field}: the report is not of the registered app: expected {expected}, got {got}", 422,
            errors: new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [$"expected {expected}, got {got}"] }, type: "report-mismatch");

    /// <summary>Report fields whose values break their format or name what the catalog does not know (422): JSON path →
    /// what is wrong, naming the value.</summary>
    public static ReportRejectedException Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")), 422, errors: errors);

    /// <summary>Field → what is wrong with it (JSON paths into the report), when the refusal is about named fields.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    public override string Type { get; } = type;

    public override TrackingErrorKind Kind => TrackingErrorKind.Invalid;

    public override int StatusCode { get; } = statusCode;
}
