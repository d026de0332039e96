using System.Buffers.Binary;

namespace Rampart.Scanning.Tls;

/// <summary>
/// Reads a server's reply up to the ServerHello (or, for TLS 1.2 ECDHE, the ServerKeyExchange) with every length
/// checked against a limit: the server is untrusted and may send anything, forever.
/// </summary>
public static class ServerHelloReader
{
    /// <summary>RFC 8446 5.2: a record's ciphertext is at most 2^14 + 2048 bytes; anything larger is not TLS.</summary>
    public const int MaxRecordLength = 16384 + 2048;

    private const int HelloRetryMarker = 0xCF;

    public static async Task<HelloResult> ReadTlsAsync(Stream stream, TlsVersion probed, bool wantKeyExchange, int maxBytes,
        CancellationToken cancellationToken)
    {
        var header = new byte[5];
        var handshake = new List<byte>();
        var total = 0;
        HelloResult? hello = null;
        while (true)
        {
            var got = await ReadFullyAsync(stream, header, cancellationToken);
            if (got == 0 && total == 0)
            {
                return HelloResult.Rejected("connection closed without a reply");
            }

            if (got == 0 && hello is not null)
            {
                return hello;
            }

            if (got < header.Length)
            {
                return HelloResult.Error("reply ends inside a record header");
            }

            var type = header[0];
            var length = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(3));
            if (type is not (21 or 22) || header[1] != 3)
            {
                return HelloResult.Error($"reply is not a TLS handshake or alert record (bytes {Convert.ToHexString(header)})");
            }

            if (length > MaxRecordLength)
            {
                return HelloResult.Error($"record length {length} exceeds the TLS maximum {MaxRecordLength}");
            }

            total += header.Length + length;
            if (total > maxBytes)
            {
                return HelloResult.Error($"reply exceeds {maxBytes} bytes before the handshake messages the probe needs");
            }

            var body = new byte[length];
            if (await ReadFullyAsync(stream, body, cancellationToken) < length)
            {
                return HelloResult.Error("reply ends inside a record");
            }

            if (type == 21)
            {
                return body.Length == 2
                    ? HelloResult.Rejected($"alert {body[1]}")
                    : HelloResult.Error($"malformed alert of {body.Length} bytes");
            }

            handshake.AddRange(body);
            while (handshake.Count >= 4)
            {
                var messageLength = (handshake[1] << 16) | (handshake[2] << 8) | handshake[3];
                if (messageLength > maxBytes)
                {
                    return HelloResult.Error($"handshake message length {messageLength} exceeds the {maxBytes}-byte limit");
                }

                if (handshake.Count < 4 + messageLength)
                {
                    break;
                }

                var messageType = handshake[0];
                var message = handshake.GetRange(4, messageLength).ToArray();
                handshake.RemoveRange(0, 4 + messageLength);
                if (hello is null)
                {
                    if (messageType != 2)
                    {
                        return HelloResult.Error($"first handshake message is type {messageType}, not ServerHello");
                    }

                    hello = ParseServerHello(message, probed);
                    var needsKeyExchange = wantKeyExchange && hello.Status == ProbeStatus.Accepted && hello.Group is null
                        && probed != TlsVersion.Tls13 && hello.Suite?.Name.StartsWith("TLS_ECDHE_", StringComparison.Ordinal) == true;
                    if (!needsKeyExchange)
                    {
                        return hello;
                    }
                }
                else if (messageType == 12)
                {
                    // ServerKeyExchange for ECDHE: curve_type 3 (named_curve) then the 2-byte group.
                    return message.Length >= 3 && message[0] == 3
                        ? hello with { Group = BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(1)) }
                        : hello;
                }
                else if (messageType == 14)
                {
                    return hello;
                }
            }
        }
    }

    /// <summary>An SSL 2.0 server answers with a 2-byte-header record holding SERVER-HELLO (type 4).</summary>
    public static async Task<HelloResult> ReadSsl2Async(Stream stream, CancellationToken cancellationToken)
    {
        var head = new byte[7];
        var got = await ReadFullyAsync(stream, head, cancellationToken);
        if (got == 0)
        {
            return HelloResult.Rejected("connection closed without a reply");
        }

        if (got >= 5 && head[0] is 21 or 22 && head[1] == 3)
        {
            return HelloResult.Rejected("answered with a TLS record");
        }

        if (got < head.Length)
        {
            return HelloResult.Error("reply too short for an SSL 2.0 SERVER-HELLO");
        }

        if ((head[0] & 0x80) != 0 && head[2] == 4 && head[5] == 0x00 && head[6] == 0x02)
        {
            return new HelloResult(ProbeStatus.Accepted, "SSL 2.0 SERVER-HELLO");
        }

        return (head[0] & 0x80) != 0 && head[2] == 0
            ? HelloResult.Rejected("SSL 2.0 ERROR message")
            : HelloResult.Error($"reply is not an SSL 2.0 SERVER-HELLO (bytes {Convert.ToHexString(head)})");
    }

    private static HelloResult ParseServerHello(byte[] message, TlsVersion probed)
    {
        try
        {
            var span = message.AsSpan();
            var legacyVersion = BinaryPrimitives.ReadUInt16BigEndian(span);
            var isRetry = IsHelloRetry(span.Slice(2, 32));
            var offset = 34;
            var sessionLength = span[offset];
            offset += 1 + sessionLength;
            var suite = BinaryPrimitives.ReadUInt16BigEndian(span[offset..]);
            offset += 3;
            ushort negotiated = legacyVersion;
            ushort? group = null;
            if (offset + 2 <= span.Length)
            {
                var extensionsEnd = offset + 2 + BinaryPrimitives.ReadUInt16BigEndian(span[offset..]);
                if (extensionsEnd > span.Length)
                {
                    return HelloResult.Error("ServerHello extensions overrun the message");
                }

                offset += 2;
                while (offset + 4 <= extensionsEnd)
                {
                    var type = BinaryPrimitives.ReadUInt16BigEndian(span[offset..]);
                    var length = BinaryPrimitives.ReadUInt16BigEndian(span[(offset + 2)..]);
                    var data = span.Slice(offset + 4, length);
                    if (type == 0x002B && length == 2)
                    {
                        negotiated = BinaryPrimitives.ReadUInt16BigEndian(data);
                    }
                    else if (type == 0x0033 && length >= 2)
                    {
                        group = BinaryPrimitives.ReadUInt16BigEndian(data);
                    }

                    offset += 4 + length;
                }
            }

            var version = TlsVersionWire.FromCode(negotiated);
            if (version != probed)
            {
                return HelloResult.Rejected($"server answered with version 0x{negotiated:X4}");
            }

            return new HelloResult(ProbeStatus.Accepted, isRetry ? "HelloRetryRequest" : "ServerHello", CipherSuites.Find(suite), group);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return HelloResult.Error("ServerHello is truncated");
        }
    }

    // RFC 8446 4.1.3: a HelloRetryRequest is a ServerHello whose random is SHA-256("HelloRetryRequest").
    private static bool IsHelloRetry(ReadOnlySpan<byte> random) => random[0] == HelloRetryMarker && random[1] == 0x21;

    private static async Task<int> ReadFullyAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read;
    }
}
