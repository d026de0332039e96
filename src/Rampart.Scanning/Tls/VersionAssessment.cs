namespace Rampart.Scanning.Tls;

/// <summary>What one host does with one protocol version.</summary>
/// <param name="Suites">Suites accepted, in the order the server chose them while enumerating.</param>
/// <param name="ServerPreference">Whether the server imposes its own order; null when fewer than two suites or unknown.</param>
/// <param name="Groups">Key-exchange groups accepted (TLS 1.2 ECDHE and TLS 1.3).</param>
/// <param name="EnumerationError">Why the suite or group lists may be incomplete.</param>
public sealed record VersionAssessment(
    TlsVersion Version,
    ProbeStatus Status,
    string Detail,
    IReadOnlyList<CipherSuite> Suites,
    bool? ServerPreference,
    IReadOnlyList<string> Groups,
    string? EnumerationError);
