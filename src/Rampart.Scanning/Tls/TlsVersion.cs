namespace Rampart.Scanning.Tls;

/// <summary>A protocol version Rampart probes for, oldest first.</summary>
public enum TlsVersion
{
    Ssl2,
    Ssl3,
    Tls10,
    Tls11,
    Tls12,
    Tls13,
}
