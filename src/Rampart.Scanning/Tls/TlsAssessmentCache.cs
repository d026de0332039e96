using System.Collections.Concurrent;

namespace Rampart.Scanning.Tls;

/// <summary>One assessment per origin per scan, shared by the protocol and the cipher-suite checks.</summary>
public sealed class TlsAssessmentCache(TlsProber prober)
{
    private readonly ConcurrentDictionary<Uri, Lazy<Task<TlsAssessment>>> assessments = new();

    /// <summary>The first caller's token runs the assessment; the shared task is what every check waits for.</summary>
    public Task<TlsAssessment> AssessAsync(Uri origin, CancellationToken cancellationToken) =>
        assessments.GetOrAdd(origin, o => new Lazy<Task<TlsAssessment>>(() => prober.AssessAsync(o, cancellationToken))).Value;
}
