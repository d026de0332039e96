namespace Rampart.DemoApps.Tls;

/// <summary>A protocol version <see cref="LegacyTlsServer"/> can serve.</summary>
public enum LegacyTlsVersion
{
    Tls10,
    Tls11,
    Tls12,
}
