namespace Rampart.Tracking;

/// <summary>The thing does not exist or the caller may not know that it exists (other partners' data).</summary>
public sealed class NotFoundException(string detail) : TrackingException("Not found", detail)
{
    public override string Type => "not-found";

    public override TrackingErrorKind Kind => TrackingErrorKind.NotFound;

    public override int StatusCode => 404;
}
