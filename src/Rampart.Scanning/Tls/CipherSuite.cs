namespace Rampart.Scanning.Tls;

/// <summary>One cipher suite Rampart knows how to offer.</summary>
/// <param name="Code">IANA code point.</param>
/// <param name="Name">IANA name.</param>
/// <param name="MozillaIntermediate">Listed by Mozilla's Server Side TLS intermediate profile (<see cref="CipherSuites.MozillaProfileVersion"/>).</param>
/// <param name="Tls13">A TLS 1.3 suite (only offered in TLS 1.3 probes, never in older ones).</param>
public sealed record CipherSuite(ushort Code, string Name, bool MozillaIntermediate, bool Tls13 = false)
{
    public string Hex => $"0x{Code:X4}";
}
