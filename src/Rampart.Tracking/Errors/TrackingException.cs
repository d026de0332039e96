namespace Rampart.Tracking;

/// <summary>A failure the API reports to the caller as RFC 7807 problem details.</summary>
public abstract class TrackingException : Exception
{
    protected TrackingException(string title, string detail, Exception? inner = null)
        : base(detail, inner)
    {
        Title = title;
        Detail = detail;
    }

    /// <summary>A short, fixed summary of the problem type.</summary>
    public string Title { get; }

    /// <summary>What exactly is wrong, naming the field, value or location.</summary>
    public string Detail { get; }

    /// <summary>A stable slug for the problem type URI (e.g. <c>not-found</c>).</summary>
    public abstract string Type { get; }

    /// <summary>What kind of refusal this is; front ends map it (HTTP status, CLI exit code), the tracker does not.</summary>
    public abstract TrackingErrorKind Kind { get; }

    /// <summary>The HTTP status code the API answers with.</summary>
    public abstract int StatusCode { get; }
}
