using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rampart.DemoApps.Hosting;

/// <summary>
/// A tiny authoritative DNS responder on 127.0.0.1 (UDP, ephemeral port) for the DNS-flaw demo apps. It answers A and
/// NS questions from a fixed table, NOERROR with no records for other types of a known name, and NXDOMAIN for every
/// other name. Hand-written rather than dnsmasq (an OS package <c>rampart demo</c> should not need) or a DNS server
/// library (a dependency for three records): a few dozen lines whose every answer the demo controls.
/// </summary>
internal sealed class DemoDnsServer : IDisposable
{
    private const ushort TypeA = 1;
    private const ushort TypeNs = 2;
    private const int MaxMessage = 512;

    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource stop = new();
    private readonly Dictionary<string, IPAddress> addresses;
    private readonly Dictionary<string, string[]> nameServers;
    private readonly Task loop;

    public DemoDnsServer(IReadOnlyDictionary<string, IPAddress> addresses, IReadOnlyDictionary<string, string[]> nameServers)
    {
        this.addresses = addresses.ToDictionary(a => Normalize(a.Key), a => a.Value, StringComparer.Ordinal);
        this.nameServers = nameServers.ToDictionary(n => Normalize(n.Key), n => n.Value, StringComparer.Ordinal);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Endpoint = (IPEndPoint)socket.LocalEndPoint!;
        loop = Task.Run(ServeAsync);
    }

    public IPEndPoint Endpoint { get; }

    private async Task ServeAsync()
    {
        var buffer = new byte[MaxMessage];
        while (!stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (Answer(buffer.AsSpan(0, received.ReceivedBytes)) is { } reply)
            {
                try
                {
                    await socket.SendToAsync(reply, SocketFlags.None, received.RemoteEndPoint, stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>The reply to one query, or null for a message that is not a well-formed single-question query.</summary>
    private byte[]? Answer(ReadOnlySpan<byte> query)
    {
        if (query.Length < 12 || (query[2] & 0x80) != 0 || BinaryPrimitives.ReadUInt16BigEndian(query[4..]) != 1)
        {
            return null;
        }

        var labels = new List<string>();
        var position = 12;
        while (position < query.Length && query[position] != 0)
        {
            var length = query[position];
            if (length > 63 || position + 1 + length > query.Length)
            {
                return null;
            }

            labels.Add(Encoding.ASCII.GetString(query.Slice(position + 1, length)));
            position += 1 + length;
        }

        var questionEnd = position + 5;
        if (questionEnd > query.Length)
        {
            return null;
        }

        var name = Normalize(string.Join('.', labels));
        var type = BinaryPrimitives.ReadUInt16BigEndian(query[(position + 1)..]);
        var known = addresses.ContainsKey(name) || nameServers.ContainsKey(name);
        var records = new List<byte[]>();
        if (type == TypeA && addresses.TryGetValue(name, out var address))
        {
            records.Add(Record(TypeA, address.GetAddressBytes()));
        }
        else if (type == TypeNs && nameServers.TryGetValue(name, out var servers))
        {
            records.AddRange(servers.Select(s => Record(TypeNs, EncodeName(s))));
        }

        using var reply = new MemoryStream();
        reply.Write(query[..2]);
        // QR and AA set, opcode and RD echoed; rcode NXDOMAIN (3) for names the table does not know.
        reply.WriteByte((byte)(0x84 | (query[2] & 0x79)));
        reply.WriteByte(known ? (byte)0 : (byte)3);
        Span<byte> counts = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16BigEndian(counts, 1);
        BinaryPrimitives.WriteUInt16BigEndian(counts[2..], (ushort)records.Count);
        reply.Write(counts);
        reply.Write(query[12..questionEnd]);
        foreach (var record in records)
        {
            // The owner is the question's name: a pointer to offset 12.
            reply.Write([0xC0, 0x0C]);
            reply.Write(record);
        }

        return reply.ToArray();
    }

    private static byte[] Record(ushort type, byte[] data)
    {
        var record = new byte[10 + data.Length];
        BinaryPrimitives.WriteUInt16BigEndian(record, type);
        BinaryPrimitives.WriteUInt16BigEndian(record.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32BigEndian(record.AsSpan(4), 60);
        BinaryPrimitives.WriteUInt16BigEndian(record.AsSpan(8), (ushort)data.Length);
        data.CopyTo(record, 10);
        return record;
    }

    private static byte[] EncodeName(string name)
    {
        using var encoded = new MemoryStream();
        foreach (var label in Normalize(name).Split('.'))
        {
            encoded.WriteByte((byte)label.Length);
            encoded.Write(Encoding.ASCII.GetBytes(label));
        }

        encoded.WriteByte(0);
        return encoded.ToArray();
    }

    private static string Normalize(string name) => name.TrimEnd('.').ToLowerInvariant();

    public void Dispose()
    {
        stop.Cancel();
        socket.Dispose();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The loop ends on the closed socket; nothing else to do.
        }

        stop.Dispose();
    }
}
