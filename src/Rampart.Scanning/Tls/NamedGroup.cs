namespace Rampart.Scanning.Tls;

/// <summary>A key-exchange group (IANA "TLS Supported Groups" registry).</summary>
/// <param name="KeyShareLength">Length of a key share for TLS 1.3; 0 when Rampart never sends a share for it.</param>
public sealed record NamedGroup(ushort Code, string Name, int KeyShareLength);
