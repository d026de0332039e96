namespace Rampart.Scanning.Tls;

/// <summary>Wire codes and display names of <see cref="TlsVersion"/>.</summary>
public static class TlsVersionWire
{
    public static IReadOnlyList<TlsVersion> All { get; } =
        [TlsVersion.Ssl2, TlsVersion.Ssl3, TlsVersion.Tls10, TlsVersion.Tls11, TlsVersion.Tls12, TlsVersion.Tls13];

    public static ushort Code(TlsVersion version) => version switch
    {
        TlsVersion.Ssl2 => 0x0002,
        TlsVersion.Ssl3 => 0x0300,
        TlsVersion.Tls10 => 0x0301,
        TlsVersion.Tls11 => 0x0302,
        TlsVersion.Tls12 => 0x0303,
        _ => 0x0304,
    };

    public static TlsVersion? FromCode(ushort code) => code switch
    {
        0x0002 => TlsVersion.Ssl2,
        0x0300 => TlsVersion.Ssl3,
        0x0301 => TlsVersion.Tls10,
        0x0302 => TlsVersion.Tls11,
        0x0303 => TlsVersion.Tls12,
        0x0304 => TlsVersion.Tls13,
        _ => null,
    };

    public static string Name(TlsVersion version) => version switch
    {
        TlsVersion.Ssl2 => "SSL 2.0",
        TlsVersion.Ssl3 => "SSL 3.0",
        TlsVersion.Tls10 => "TLS 1.0",
        TlsVersion.Tls11 => "TLS 1.1",
        TlsVersion.Tls12 => "TLS 1.2",
        _ => "TLS 1.3",
    };
}
