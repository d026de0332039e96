using System.Collections.Concurrent;
using Rampart.Scanning.Http;

namespace Rampart.Scanning.Engine;

/// <summary>Sends each distinct unauthenticated GET once per scan, however many checks ask for it.</summary>
public sealed class ProbeCache(IProbeClient http)
{
    private readonly ConcurrentDictionary<Uri, Lazy<Task<ProbeResponse>>> plainGets = new();

    public Task<ProbeResponse> PlainGetAsync(Uri url, CancellationToken cancellationToken) =>
        plainGets.GetOrAdd(url, u => new Lazy<Task<ProbeResponse>>(
            () => http.SendAsync(new ProbeRequest(HttpMethod.Get, u), cancellationToken))).Value;

    /// <summary>Every response already received (for the header checks, which look at all of them).</summary>
    public IReadOnlyList<ProbeResponse> Completed() =>
        plainGets.Values
            .Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully)
            .Select(l => l.Value.Result)
            .ToList();
}
