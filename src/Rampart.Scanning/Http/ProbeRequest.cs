namespace Rampart.Scanning.Http;

/// <summary>One request a check wants sent.</summary>
/// <param name="MaxBodyBytes">Overrides the client's body cap for this request (a descriptor may be larger than a page).</param>
/// <param name="FollowRedirects">Follow up to the configured number of redirects, re-checking each target's address.</param>
public sealed record ProbeRequest(
    HttpMethod Method,
    Uri Url,
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null,
    byte[]? Body = null,
    string? ContentType = null,
    bool FollowRedirects = true,
    int? MaxBodyBytes = null)
{
    /// <summary>How the request is shown in evidence: method, URL and headers, with tokens shortened.</summary>
    public string Describe()
    {
        var lines = new List<string> { $"{Method.Method} {Url}" };
        foreach (var (name, value) in Headers ?? [])
        {
            lines.Add($"{name}: {Redaction.ShortenToken(value)}");
        }

        return string.Join('\n', lines);
    }
}
