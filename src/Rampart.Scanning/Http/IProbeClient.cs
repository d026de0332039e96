namespace Rampart.Scanning.Http;

/// <summary>Sends probes to targets that may be hostile: every call is bounded in time, size, redirects and addresses.</summary>
public interface IProbeClient
{
    /// <summary>Never throws for network trouble: the error is in <see cref="ProbeResponse.Error"/>.</summary>
    Task<ProbeResponse> SendAsync(ProbeRequest request, CancellationToken cancellationToken);

    /// <summary>Requests sent so far (for benchmarks and the report footer).</summary>
    long RequestsSent { get; }
}
