namespace Rampart.Tracking;

/// <summary>An uploaded scan report is malformed or of an unknown schema version; nothing was written.</summary>
public sealed class ReportRejectedException(string detail, int statusCode = 400, Exception? inner = null)
    : TrackingException("Report rejected", detail, inner)
{
    public override string Type => "report-rejected";

    public override TrackingErrorKind Kind => TrackingErrorKind.Invalid;

    public override int StatusCode { get; } = statusCode;
}
