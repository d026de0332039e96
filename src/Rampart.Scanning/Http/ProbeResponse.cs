namespace Rampart.Scanning.Http;

/// <summary>What came back: the final response, every redirect hop before it, or the error that ended the probe.</summary>
/// <param name="Hops">Responses before the final one (redirects), oldest first; their headers are checked too.</param>
/// <param name="BodyTruncated">The body was longer than the configured cap and was cut.</param>
public sealed record ProbeResponse(
    ProbeRequest Request,
    Uri FinalUrl,
    int Status,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    bool BodyTruncated,
    IReadOnlyList<ProbeHop> Hops,
    ProbeError? Error,
    TimeSpan Elapsed)
{
    public bool Failed => Error is not null;

    public IEnumerable<string> HeaderValues(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public string? Header(string name) => HeaderValues(name).FirstOrDefault();

    public string BodyText() => System.Text.Encoding.UTF8.GetString(Body);

    /// <summary>Status line and headers, for evidence.</summary>
    public string DescribeStatus()
    {
        if (Error is { } error)
        {
            return $"no response: {error.Kind} ({error.Message})";
        }

        var lines = new List<string> { $"HTTP {Status} from {FinalUrl}" };
        lines.AddRange(Headers.Select(h => $"{h.Key}: {Redaction.ShortenToken(h.Value)}"));
        return string.Join('\n', lines);
    }

    public static ProbeResponse FromError(ProbeRequest request, ProbeErrorKind kind, string message, TimeSpan elapsed, IReadOnlyList<ProbeHop>? hops = null) =>
        new(request, request.Url, 0, [], [], false, hops ?? [], new ProbeError(kind, message), elapsed);
}

/// <summary>A redirect response on the way to the final one.</summary>
public sealed record ProbeHop(Uri Url, int Status, IReadOnlyList<KeyValuePair<string, string>> Headers);

public sealed record ProbeError(ProbeErrorKind Kind, string Message);

public enum ProbeErrorKind
{
    /// <summary>The host resolved only to addresses the policy forbids (private, loopback, metadata...).</summary>
    BlockedAddress,
    DnsFailure,
    ConnectionFailed,
    TlsFailure,
    Timeout,
    TooManyRedirects,
    InvalidRedirect,
    ProtocolError,
}
