using System.Net;
using System.Net.Sockets;

namespace Rampart.Scanning.Tests.Dns;

/// <summary>
/// A UDP DNS server that answers every query with SERVFAIL, as a broken zone's server does. dnsmasq cannot be made to
/// answer SERVFAIL on demand (a dead upstream makes it time out, a refusing one makes it answer REFUSED), hence this
/// responder of a few lines: it echoes the question with QR set and rcode 2.
/// </summary>
public sealed class ServFailDnsServer : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource stop = new();

    public ServFailDnsServer(IPEndPoint endpoint)
    {
        socket.Bind(endpoint);
        Endpoint = (IPEndPoint)socket.LocalEndPoint!;
        _ = Task.Run(ServeAsync);
    }

    public IPEndPoint Endpoint { get; }

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

            // Header (12 bytes) and the first question: labels up to the root byte, then type and class.
            var end = 12;
            while (end < received.ReceivedBytes && buffer[end] != 0)
            {
                end += buffer[end] + 1;
            }

            end += 5;
            if (received.ReceivedBytes < 12 || end > received.ReceivedBytes)
            {
                continue;
            }

            var reply = buffer[..end];
            reply[2] = (byte)(0x80 | (reply[2] & 0x79)); // QR, keep opcode and RD
            reply[3] = 0x02; // SERVFAIL
            reply[4] = 0;
            reply[5] = 1;
            Array.Clear(reply, 6, 6);
            await socket.SendToAsync(reply, SocketFlags.None, received.RemoteEndPoint);
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        socket.Dispose();
        stop.Dispose();
    }
}
