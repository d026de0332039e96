using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Rampart.DemoApps.Tls;

/// <summary>
/// A <see cref="LegacyTlsServer"/> handler that relays the decrypted bytes to an HTTPS backend (the demo app's
/// Kestrel), the way a load balancer with an old TLS configuration fronts a modern app: every path of the app answers
/// on the legacy host exactly as it does on its own.
/// </summary>
public static class TlsForwarder
{
    private const int BufferBytes = 16 * 1024;

    /// <param name="backend">Where the app listens.</param>
    /// <param name="backendCertificate">The only certificate the backend may present (pinned by hash).</param>
    public static Func<Stream, CancellationToken, Task> To(IPEndPoint backend, X509Certificate2 backendCertificate)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(backendCertificate);
        var pinned = backendCertificate.GetCertHashString();
        return (front, cancellationToken) => RelayAsync(front, backend, pinned, cancellationToken);
    }

    private static async Task RelayAsync(Stream front, IPEndPoint backend, string pinned, CancellationToken cancellationToken)
    {
        using var socket = new Socket(backend.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(backend, cancellationToken);
        await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = backend.Address.ToString(),
            RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && string.Equals(presented.GetCertHashString(), pinned, StringComparison.OrdinalIgnoreCase),
        }, cancellationToken);

        // BouncyCastle's stream is blocking (its async methods run synchronously), so each direction gets its own
        // thread; when one side ends the caller closes both sockets, which ends the other.
        var up = Task.Factory.StartNew(() => Pump(front, tls), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var down = Task.Factory.StartNew(() => Pump(tls, front), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Task.WhenAny(up, down);
    }

    private static void Pump(Stream from, Stream to)
    {
        var buffer = new byte[BufferBytes];
        try
        {
            int read;
            while ((read = from.Read(buffer)) > 0)
            {
                to.Write(buffer.AsSpan(0, read));
                to.Flush();
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException
            or Org.BouncyCastle.Tls.TlsFatalAlert or Org.BouncyCastle.Tls.TlsFatalAlertReceived or Org.BouncyCastle.Tls.TlsNoCloseNotifyException)
        {
            // The other side went away; the connection is over either way.
        }
    }
}
