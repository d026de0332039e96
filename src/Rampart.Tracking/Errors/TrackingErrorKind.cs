namespace Rampart.Tracking;

/// <summary>
/// What kind of refusal a <see cref="TrackingException"/> is, independent of any front end: the Server turns it into
/// an HTTP status, the CLI into an exit code. The tracker itself knows neither.
/// </summary>
public enum TrackingErrorKind
{
    /// <summary>The thing named does not exist (or the caller may not know that it does).</summary>
    NotFound,

    /// <summary>The request has missing fields or bad values, or an uploaded report is malformed.</summary>
    Invalid,

    /// <summary>The request clashes with existing data or with the state it is in (a duplicate, an illegal move).</summary>
    Conflict,

    /// <summary>The caller's role does not allow the operation.</summary>
    Forbidden,
}
