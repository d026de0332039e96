namespace Rampart.Scanning.Tls;

/// <summary>The TLS assessment of one origin.</summary>
/// <param name="Address">The address probed (the one that passed the address policy).</param>
/// <param name="Error">Why the host could not be probed at all; null when it was.</param>
public sealed record TlsAssessment(
    Uri Origin,
    string? Address,
    string? Error,
    IReadOnlyList<VersionAssessment> Versions,
    int ProbesSent)
{
    public IEnumerable<TlsVersion> Accepted => Versions.Where(v => v.Status == ProbeStatus.Accepted).Select(v => v.Version);
}
