namespace Rampart.Tracking;

/// <summary>A request is missing fields or has bad values; <see cref="Errors"/> names each field.</summary>
public sealed class ValidationException : TrackingException
{
    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("Invalid request", Describe(errors))
    {
        Errors = errors;
    }

    public ValidationException(string field, string message)
        : this(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public override string Type => "validation";

    public override TrackingErrorKind Kind => TrackingErrorKind.Invalid;

    public override int StatusCode => 400;

    private static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
}
