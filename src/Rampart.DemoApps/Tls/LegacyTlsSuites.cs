namespace Rampart.DemoApps.Tls;

/// <summary>IANA codes of the suites the legacy server is usually configured with (RFC 5246, 4492, 5289).</summary>
public static class LegacyTlsSuites
{
    public const ushort RsaAes128CbcSha = 0x002F;
    public const ushort RsaAes256CbcSha = 0x0035;
    public const ushort Rsa3DesEdeCbcSha = 0x000A;
    public const ushort RsaAes128GcmSha256 = 0x009C;
    public const ushort EcdheRsaAes128CbcSha = 0xC013;
    public const ushort EcdheRsaAes256CbcSha = 0xC014;
    public const ushort EcdheRsa3DesEdeCbcSha = 0xC012;
    public const ushort EcdheRsaAes128CbcSha256 = 0xC027;
    public const ushort EcdheRsaAes128GcmSha256 = 0xC02F;
    public const ushort EcdheRsaAes256GcmSha384 = 0xC030;

    /// <summary>Whether a suite can be negotiated before TLS 1.2 (AEAD and SHA-256/384 MAC suites cannot).</summary>
    public static bool AllowedBeforeTls12(ushort suite) =>
        Org.BouncyCastle.Tls.TlsUtilities.IsValidVersionForCipherSuite(suite, Org.BouncyCastle.Tls.ProtocolVersion.TLSv10);
}
