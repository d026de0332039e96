using Rampart.Scanning.Http;

namespace Rampart.Scanning.Checks.Authentication;

/// <summary>One probe of an endpoint and how it was judged.</summary>
/// <param name="Label">What was sent, in words: "GET, no token", "POST, alg:none token".</param>
public sealed record EndpointAccess(string Label, ProbeResponse Response, Access Access);
