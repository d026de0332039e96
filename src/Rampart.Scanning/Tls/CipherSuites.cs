namespace Rampart.Scanning.Tls;

/// <summary>
/// The cipher suites Rampart offers, as data. Membership of Mozilla's intermediate profile follows
/// <see cref="MozillaProfileVersion"/>; the rest are the suites real servers still accept (CBC, RSA key exchange,
/// 3DES, RC4, NULL, EXPORT, CCM, Camellia, ARIA) so that elimination can find them.
/// </summary>
public static class CipherSuites
{
    /// <summary>Version of https://ssl-config.mozilla.org/guidelines/ the <c>MozillaIntermediate</c> flags follow.</summary>
    public const string MozillaProfileVersion = "5.7";

    public static IReadOnlyList<CipherSuite> All { get; } =
    [
        // TLS 1.3
        new(0x1301, "TLS_AES_128_GCM_SHA256", true, true),
        new(0x1302, "TLS_AES_256_GCM_SHA384", true, true),
        new(0x1303, "TLS_CHACHA20_POLY1305_SHA256", true, true),
        new(0x1304, "TLS_AES_128_CCM_SHA256", false, true),
        new(0x1305, "TLS_AES_128_CCM_8_SHA256", false, true),

        // Mozilla intermediate, TLS 1.2
        new(0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", true),
        new(0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", true),
        new(0xC02C, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", true),
        new(0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", true),
        new(0xCCA9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", true),
        new(0xCCA8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", true),
        new(0x009E, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", true),
        new(0x009F, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", true),
        new(0xCCAA, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", true),

        // ECDHE CBC
        new(0xC023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", false),
        new(0xC027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", false),
        new(0xC024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", false),
        new(0xC028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", false),
        new(0xC009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", false),
        new(0xC013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", false),
        new(0xC00A, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", false),
        new(0xC014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", false),

        // DHE
        new(0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", false),
        new(0x006B, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256", false),
        new(0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA", false),
        new(0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA", false),
        new(0x00A2, "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256", false),
        new(0x00A3, "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384", false),
        new(0x0032, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA", false),
        new(0x0038, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA", false),

        // RSA key exchange
        new(0x009C, "TLS_RSA_WITH_AES_128_GCM_SHA256", false),
        new(0x009D, "TLS_RSA_WITH_AES_256_GCM_SHA384", false),
        new(0x003C, "TLS_RSA_WITH_AES_128_CBC_SHA256", false),
        new(0x003D, "TLS_RSA_WITH_AES_256_CBC_SHA256", false),
        new(0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA", false),
        new(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA", false),

        // CCM
        new(0xC09C, "TLS_RSA_WITH_AES_128_CCM", false),
        new(0xC09D, "TLS_RSA_WITH_AES_256_CCM", false),
        new(0xC09E, "TLS_DHE_RSA_WITH_AES_128_CCM", false),
        new(0xC09F, "TLS_DHE_RSA_WITH_AES_256_CCM", false),
        new(0xC0AC, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM", false),
        new(0xC0AD, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM", false),

        // Camellia and ARIA
        new(0x0041, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA", false),
        new(0x0084, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA", false),
        new(0x0045, "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA", false),
        new(0x0088, "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA", false),
        new(0x00BA, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA256", false),
        new(0x00C0, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA256", false),
        new(0xC076, "TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256", false),
        new(0xC077, "TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384", false),
        new(0xC050, "TLS_RSA_WITH_ARIA_128_GCM_SHA256", false),
        new(0xC051, "TLS_RSA_WITH_ARIA_256_GCM_SHA384", false),
        new(0xC060, "TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256", false),
        new(0xC061, "TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384", false),

        // SEED, IDEA, 3DES, RC4, DES, NULL and EXPORT: broken or obsolete, offered only to find them
        new(0x0096, "TLS_RSA_WITH_SEED_CBC_SHA", false),
        new(0x0007, "TLS_RSA_WITH_IDEA_CBC_SHA", false),
        new(0xC012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", false),
        new(0xC008, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA", false),
        new(0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA", false),
        new(0x000A, "TLS_RSA_WITH_3DES_EDE_CBC_SHA", false),
        new(0xC011, "TLS_ECDHE_RSA_WITH_RC4_128_SHA", false),
        new(0xC007, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA", false),
        new(0x0005, "TLS_RSA_WITH_RC4_128_SHA", false),
        new(0x0004, "TLS_RSA_WITH_RC4_128_MD5", false),
        new(0x0015, "TLS_DHE_RSA_WITH_DES_CBC_SHA", false),
        new(0x0009, "TLS_RSA_WITH_DES_CBC_SHA", false),
        new(0xC010, "TLS_ECDHE_RSA_WITH_NULL_SHA", false),
        new(0x003B, "TLS_RSA_WITH_NULL_SHA256", false),
        new(0x0002, "TLS_RSA_WITH_NULL_SHA", false),
        new(0x0001, "TLS_RSA_WITH_NULL_MD5", false),
        new(0x0014, "TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA", false),
        new(0x0008, "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA", false),
        new(0x0006, "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5", false),
        new(0x0003, "TLS_RSA_EXPORT_WITH_RC4_40_MD5", false),

        // Anonymous key exchange: no server authentication at all
        new(0xC018, "TLS_ECDH_anon_WITH_AES_128_CBC_SHA", false),
        new(0x0034, "TLS_DH_anon_WITH_AES_128_CBC_SHA", false),
        new(0x00A6, "TLS_DH_anon_WITH_AES_128_GCM_SHA256", false),
    ];

    private static readonly Dictionary<ushort, CipherSuite> ByCode = All.ToDictionary(s => s.Code);

    public static IReadOnlyList<CipherSuite> Tls13 { get; } = All.Where(s => s.Tls13).ToList();

    public static IReadOnlyList<CipherSuite> Legacy { get; } = All.Where(s => !s.Tls13).ToList();

    /// <summary>The suite with this code; an unknown code gets a placeholder name so a reply is never lost.</summary>
    public static CipherSuite Find(ushort code) =>
        ByCode.TryGetValue(code, out var suite) ? suite : new CipherSuite(code, $"UNKNOWN_0x{code:X4}", false);
}
