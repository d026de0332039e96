namespace Rampart.Tracking;

/// <summary>The request clashes with existing data (a duplicate key, a concurrent change).</summary>
public sealed class ConflictException(string detail) : TrackingException("Conflict", detail)
{
    public override string Type => "conflict";

    public override TrackingErrorKind Kind => TrackingErrorKind.Conflict;

    public override int StatusCode => 409;
}
