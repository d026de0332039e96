using System.Collections.Concurrent;
using Rampart.Scanning.Http;

namespace Rampart.Scanning.Engine;

/// <summary>
/// Keeps every response of a scan so the header checks can inspect all of them — including the 401s and redirects
/// that authentication probes receive, which CSRT never looks at.
/// </summary>
public sealed class RecordingProbeClient(IProbeClient inner) : IProbeClient
{
    private readonly ConcurrentQueue<ProbeResponse> responses = new();

    public long RequestsSent => inner.RequestsSent;

    public IReadOnlyCollection<ProbeResponse> Responses => responses;

    public async Task<ProbeResponse> SendAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        var response = await inner.SendAsync(request, cancellationToken);
        responses.Enqueue(response);
        return response;
    }
}
