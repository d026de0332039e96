namespace Rampart.Scanning.Checks.Headers;

/// <summary>One HTTP response the scan received from the app: a final response or a redirect hop.</summary>
/// <param name="Url">The URL that answered (for a hop, the URL that redirected).</param>
/// <param name="Request">"GET, no token", etc.: what provoked it.</param>
/// <param name="Body">The body, or empty for redirect hops.</param>
/// <param name="Cacheable">The URL belongs to a module declared <c>cacheable: true</c>.</param>
public sealed record ObservedResponse(
    Uri Url,
    string Request,
    int Status,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    bool Cacheable)
{
    public IEnumerable<string> Values(string header) =>
        Headers.Where(h => string.Equals(h.Key, header, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public string Describe() => $"{Request} -> HTTP {Status}";
}
