namespace Rampart.Tracking;

/// <summary>The caller's role does not allow the operation.</summary>
public sealed class ForbiddenException(string detail) : TrackingException("Forbidden", detail)
{
    public override string Type => "forbidden";

    public override TrackingErrorKind Kind => TrackingErrorKind.Forbidden;

    public override int StatusCode => 403;
}
