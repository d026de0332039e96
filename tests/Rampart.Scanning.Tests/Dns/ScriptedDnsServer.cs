using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rampart.Scanning.Tests.Dns;

/// <summary>
/// A UDP DNS server for answers dnsmasq cannot be made to give: it answers each name in its table with one CNAME record
/// and every other name with a fixed rcode. dnsmasq refuses to start with a CNAME loop in its configuration ("CNAME loop
/// involving ..."), and cannot answer SERVFAIL on demand (a dead upstream makes it time out, a refusing one makes it
/// answer REFUSED), as a broken zone's server does.
/// </summary>
public sealed class ScriptedDnsServer : IDisposable
{
    private const byte NxDomain = 3;
    private const byte ServFail = 2;

    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource stop = new();
    private readonly IReadOnlyDictionary<string, string> aliases;
    private readonly byte otherNames;

    private ScriptedDnsServer(IPEndPoint endpoint, IReadOnlyDictionary<string, string> aliases, byte otherNames)
    {
        this.aliases = aliases;
        this.otherNames = otherNames;
        socket.Bind(endpoint);
        Endpoint = (IPEndPoint)socket.LocalEndPoint!;
        _ = Task.Run(ServeAsync);
    }

    public IPEndPoint Endpoint { get; }

    /// <summary>Answers SERVFAIL to every query.</summary>
    public static ScriptedDnsServer FailingEverything(IPEndPoint endpoint) => new(endpoint, new Dictionary<string, string>(), ServFail);

    /// <summary>Answers each name of <paramref name="aliases"/> with its CNAME, NXDOMAIN for other names.</summary>
    public static ScriptedDnsServer WithAliases(IPEndPoint endpoint, IReadOnlyDictionary<string, string> aliases) => new(endpoint, aliases, NxDomain);

    private async Task ServeAsync()
    {
        var buffer = new byte[512];
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

            // Header (12 bytes), then the question's labels up to the root byte, then type and class.
            var labels = new List<string>();
            var end = 12;
            while (end < received.ReceivedBytes && buffer[end] != 0)
            {
                labels.Add(Encoding.ASCII.GetString(buffer, end + 1, Math.Min(buffer[end], received.ReceivedBytes - end - 1)));
                end += buffer[end] + 1;
            }

            end += 5;
            if (received.ReceivedBytes < 12 || end > received.ReceivedBytes)
            {
                continue;
            }

            var reply = new List<byte>(buffer[..end]);
            reply[2] = (byte)(0x84 | (reply[2] & 0x79)); // QR and AA, keep opcode and RD
            reply[6] = 0;
            reply[8] = reply[9] = reply[10] = reply[11] = 0;
            if (aliases.TryGetValue(string.Join('.', labels).ToLowerInvariant(), out var target))
            {
                reply[3] = 0x00;
                reply[7] = 1; // one answer: <question name> CNAME <target>
                var rdata = target.Split('.').SelectMany(l => new[] { (byte)l.Length }.Concat(Encoding.ASCII.GetBytes(l))).Append((byte)0).ToArray();
                reply.AddRange([0xC0, 0x0C, 0x00, 0x05, 0x00, 0x01, 0x00, 0x00, 0x00, 0x3C, (byte)(rdata.Length >> 8), (byte)rdata.Length]);
                reply.AddRange(rdata);
            }
            else
            {
                reply[3] = otherNames;
                reply[7] = 0;
            }

            await socket.SendToAsync(reply.ToArray(), SocketFlags.None, received.RemoteEndPoint);
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        socket.Dispose();
        stop.Dispose();
    }
}
