namespace Rampart.DemoApps.Tests.Support;

/// <summary>What came back from one request, read fully so the response can be disposed.</summary>
internal sealed record Reply(int Status, IReadOnlyDictionary<string, string[]> Headers, byte[] BodyBytes)
{
    public string Body => System.Text.Encoding.UTF8.GetString(BodyBytes);

    /// <summary>All values of a header joined as they would be on one line, or null when absent.</summary>
    public string? Header(string name) =>
        Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;

    public static async Task<Reply> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = [.. values];
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new Reply((int)response.StatusCode, headers, body);
    }
}
