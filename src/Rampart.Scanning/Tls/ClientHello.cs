using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Rampart.Scanning.Tls;

/// <summary>Builds the ClientHello records the prober sends; nothing past the hello is ever needed.</summary>
public static class ClientHello
{
    // SSL 2.0 cipher specs (3 bytes each); the suites an SSL 2.0 server could still choose.
    private static readonly byte[] Ssl2Specs =
    [
        0x01, 0x00, 0x80, 0x02, 0x00, 0x80, 0x03, 0x00, 0x80, 0x04, 0x00, 0x80,
        0x05, 0x00, 0x80, 0x06, 0x00, 0x40, 0x07, 0x00, 0xC0,
    ];

    // Every common signature scheme, SHA-1 included: the probe asks what the server accepts, not what is good.
    private static readonly ushort[] SignatureSchemes =
    [
        0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0807, 0x0808,
        0x0203, 0x0201, 0x0303, 0x0301, 0x0402, 0x0202,
    ];

    public static byte[] Ssl2()
    {
        var body = new List<byte> { 0x01, 0x00, 0x02 };
        AddU16(body, Ssl2Specs.Length);
        AddU16(body, 0);
        AddU16(body, 16);
        body.AddRange(Ssl2Specs);
        body.AddRange(RandomNumberGenerator.GetBytes(16));
        var record = new List<byte> { (byte)(0x80 | (body.Count >> 8)), (byte)body.Count };
        record.AddRange(body);
        return [.. record];
    }

    /// <summary>A ClientHello offering exactly <paramref name="version"/> (TLS 1.3 through supported_versions).</summary>
    public static byte[] Tls(TlsVersion version, IReadOnlyList<ushort> suites, IReadOnlyList<ushort> groups, string? serverName)
    {
        var tls13 = version == TlsVersion.Tls13;
        var legacyVersion = tls13 ? (ushort)0x0303 : TlsVersionWire.Code(version);
        var hello = new List<byte>();
        AddU16(hello, legacyVersion);
        hello.AddRange(RandomNumberGenerator.GetBytes(32));

        // TLS 1.3 middlebox compatibility mode wants a session id; older versions need none.
        var sessionId = tls13 ? RandomNumberGenerator.GetBytes(32) : [];
        hello.Add((byte)sessionId.Length);
        hello.AddRange(sessionId);

        AddU16(hello, suites.Count * 2);
        foreach (var suite in suites)
        {
            AddU16(hello, suite);
        }

        hello.Add(1);
        hello.Add(0);

        if (version != TlsVersion.Ssl3)
        {
            var extensions = Extensions(version, groups, serverName);
            AddU16(hello, extensions.Count);
            hello.AddRange(extensions);
        }

        var handshake = new List<byte> { 0x01 };
        AddU24(handshake, hello.Count);
        handshake.AddRange(hello);

        // Record-layer version 0x0301 (0x0300 for SSL 3.0) is what real clients send; some servers refuse others.
        var record = new List<byte> { 0x16 };
        AddU16(record, version == TlsVersion.Ssl3 ? 0x0300 : 0x0301);
        AddU16(record, handshake.Count);
        record.AddRange(handshake);
        return [.. record];
    }

    private static List<byte> Extensions(TlsVersion version, IReadOnlyList<ushort> groups, string? serverName)
    {
        var extensions = new List<byte>();
        if (serverName is not null)
        {
            var name = Encoding.ASCII.GetBytes(serverName);
            var sni = new List<byte>();
            AddU16(sni, name.Length + 3);
            sni.Add(0);
            AddU16(sni, name.Length);
            sni.AddRange(name);
            AddExtension(extensions, 0x0000, sni);
        }

        var groupList = new List<byte>();
        AddU16(groupList, groups.Count * 2);
        foreach (var group in groups)
        {
            AddU16(groupList, group);
        }

        AddExtension(extensions, 0x000A, groupList);
        AddExtension(extensions, 0x000B, [1, 0]);

        if (version >= TlsVersion.Tls12)
        {
            var schemes = new List<byte>();
            AddU16(schemes, SignatureSchemes.Length * 2);
            foreach (var scheme in SignatureSchemes)
            {
                AddU16(schemes, scheme);
            }

            AddExtension(extensions, 0x000D, schemes);
        }

        // Secure renegotiation: without it some servers refuse the hello outright.
        AddExtension(extensions, 0xFF01, [0]);

        if (version == TlsVersion.Tls13)
        {
            AddExtension(extensions, 0x002B, [2, 0x03, 0x04]);

            // Only an x25519 share is sent (any 32 bytes are a valid point); for other groups the server answers
            // with a HelloRetryRequest naming its choice, which is all the probe needs.
            var shares = new List<byte>();
            if (groups.Contains((ushort)0x001D))
            {
                AddU16(shares, 0x001D);
                AddU16(shares, 32);
                shares.AddRange(RandomNumberGenerator.GetBytes(32));
            }

            var keyShare = new List<byte>();
            AddU16(keyShare, shares.Count);
            keyShare.AddRange(shares);
            AddExtension(extensions, 0x0033, keyShare);
            AddExtension(extensions, 0x002D, [1, 1]);
        }

        return extensions;
    }

    private static void AddExtension(List<byte> target, ushort type, IReadOnlyCollection<byte> data)
    {
        AddU16(target, type);
        AddU16(target, data.Count);
        target.AddRange(data);
    }

    private static void AddU16(List<byte> target, int value)
    {
        Span<byte> buffer = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(buffer, (ushort)value);
        target.AddRange(buffer);
    }

    private static void AddU24(List<byte> target, int value)
    {
        target.Add((byte)(value >> 16));
        target.Add((byte)(value >> 8));
        target.Add((byte)value);
    }
}
