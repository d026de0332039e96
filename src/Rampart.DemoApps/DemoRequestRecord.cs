namespace Rampart.DemoApps;

/// <summary>One request a demo app received.</summary>
/// <param name="Method">HTTP method as sent.</param>
/// <param name="PathAndQuery">The request target exactly as sent (still percent-encoded).</param>
/// <param name="HadAuthorization">An <c>Authorization</c> header was present, whatever its scheme.</param>
public sealed record DemoRequestRecord(string Method, string PathAndQuery, bool HadAuthorization);
