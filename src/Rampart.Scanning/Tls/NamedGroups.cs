namespace Rampart.Scanning.Tls;

/// <summary>Key-exchange groups Rampart offers, as data.</summary>
public static class NamedGroups
{
    public static IReadOnlyList<NamedGroup> All { get; } =
    [
        new(0x001D, "x25519", 32),
        new(0x0017, "secp256r1", 0),
        new(0x0018, "secp384r1", 0),
        new(0x0019, "secp521r1", 0),
        new(0x001E, "x448", 0),
        new(0x0016, "secp256k1", 0),
        new(0x0100, "ffdhe2048", 0),
        new(0x0101, "ffdhe3072", 0),
        new(0x0102, "ffdhe4096", 0),
        new(0x11EC, "X25519MLKEM768", 0),
    ];

    public static string Name(ushort code) =>
        All.FirstOrDefault(g => g.Code == code)?.Name ?? $"0x{code:X4}";
}
