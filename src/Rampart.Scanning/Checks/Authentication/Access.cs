namespace Rampart.Scanning.Checks.Authentication;

/// <summary>How an endpoint answered one probe, judged by status and redirect target, never by words in the body.</summary>
public enum Access
{
    /// <summary>2xx: content was served.</summary>
    Served,

    /// <summary>401/403, or a redirect to a login page.</summary>
    Refused,

    /// <summary>Another 4xx (404, 405, 400...): nothing served, so nothing exposed.</summary>
    NotServed,

    /// <summary>429, 5xx, timeout or network failure: the probe proves nothing either way.</summary>
    Unavailable,
}
