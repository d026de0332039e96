namespace Rampart.DemoApps.Tls;

/// <summary>What a <see cref="LegacyTlsServer"/> offers, and the bounds it keeps.</summary>
/// <param name="Versions">Protocol versions served (TLS 1.3 is deliberately not offered: this server is about old ones).</param>
/// <param name="CipherSuites">
/// IANA codes of the suites served, in the server's preference order. Suites a version cannot carry (GCM and SHA-256
/// suites before TLS 1.2) are simply not selected for it. Only RSA-authenticated suites work: the certificate is RSA.
/// </param>
/// <param name="PreferServerOrder">Choose by <see cref="CipherSuites"/> order instead of the client's.</param>
public sealed record LegacyTlsOptions(
    IReadOnlyList<LegacyTlsVersion> Versions,
    IReadOnlyList<ushort> CipherSuites,
    bool PreferServerOrder = false)
{
    /// <summary>Connections served at once; more are closed on accept.</summary>
    public int MaxConnections { get; init; } = 64;

    /// <summary>Longest life of one connection, handshake included; then its socket is closed whatever it is doing.</summary>
    public TimeSpan ConnectionLifetime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for the peer's next bytes.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>TLS 1.0, 1.1 and 1.2 with CBC-SHA suites, 3DES, and two GCM suites a modern client negotiates.</summary>
    public static LegacyTlsOptions LegacyWithWeakCiphers { get; } = new(
        [LegacyTlsVersion.Tls10, LegacyTlsVersion.Tls11, LegacyTlsVersion.Tls12],
        [
            LegacyTlsSuites.EcdheRsaAes128GcmSha256,
            LegacyTlsSuites.EcdheRsaAes256GcmSha384,
            LegacyTlsSuites.EcdheRsaAes128CbcSha,
            LegacyTlsSuites.EcdheRsaAes256CbcSha,
            LegacyTlsSuites.RsaAes128CbcSha,
            LegacyTlsSuites.RsaAes256CbcSha,
            LegacyTlsSuites.Rsa3DesEdeCbcSha,
        ]);
}
