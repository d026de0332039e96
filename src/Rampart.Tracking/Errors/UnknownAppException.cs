namespace Rampart.Tracking;

/// <summary>A report was uploaded for an app key the tracker does not know.</summary>
public sealed class UnknownAppException(string appKey)
    : TrackingException("Unknown app", $"no app with key '{appKey}' is registered; create it first (POST /api/apps)")
{
    public string AppKey { get; } = appKey;

    public override string Type => "unknown-app";

    public override TrackingErrorKind Kind => TrackingErrorKind.NotFound;

    public override int StatusCode => 404;
}
