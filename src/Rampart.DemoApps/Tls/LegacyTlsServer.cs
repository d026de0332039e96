using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Rampart.DemoApps.Tls;

/// <summary>
/// A TLS server on 127.0.0.1 that speaks what OpenSSL 3 and <c>SslStream</c> no longer serve — TLS 1.0, TLS 1.1,
/// 3DES and CBC-SHA suites — through BouncyCastle's managed <see cref="TlsServerProtocol"/>. Each connection gets one
/// handshake and then the application handler (a minimal HTTP/1.1 response unless told otherwise). Every connection
/// is bounded: a concurrency cap, an idle timeout on reads and writes, and a lifetime after which its socket is closed.
/// </summary>
public sealed class LegacyTlsServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly SemaphoreSlim slots;
    private readonly LegacyTlsOptions options;
    private readonly Func<Stream, CancellationToken, Task> handler;
    private readonly BcTlsCrypto crypto = new(new SecureRandom());
    private readonly Certificate chain;
    private readonly AsymmetricKeyParameter key;
    private readonly Task loop;
    private int handshakes;
    private int disposed;

    /// <param name="certificate">Server certificate with its RSA private key (the first entry of the chain).</param>
    /// <param name="options">Versions and suites to serve.</param>
    /// <param name="handler">Runs over the decrypted stream after each handshake; <see cref="MinimalHttpResponder"/> when null.</param>
    /// <param name="issuers">Further certificates of the chain, leaf's issuer first.</param>
    public LegacyTlsServer(X509Certificate2 certificate, LegacyTlsOptions options,
        Func<Stream, CancellationToken, Task>? handler = null, IEnumerable<X509Certificate2>? issuers = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Versions.Count == 0 || options.CipherSuites.Count == 0)
        {
            throw new ArgumentException("At least one version and one cipher suite are required.", nameof(options));
        }

        using var rsa = certificate.GetRSAPrivateKey()
            ?? throw new ArgumentException("The certificate needs an RSA private key.", nameof(certificate));
        key = PrivateKeyFactory.CreateKey(rsa.ExportPkcs8PrivateKey());
        chain = new Certificate(new[] { certificate }.Concat(issuers ?? [])
            .Select(c => (TlsCertificate)crypto.CreateCertificate(c.RawData)).ToArray());
        this.options = options;
        this.handler = handler ?? MinimalHttpResponder.RespondAsync;
        slots = new SemaphoreSlim(options.MaxConnections);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        loop = AcceptAsync();
    }

    public int Port { get; }

    /// <summary><c>https://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Origin => new($"https://127.0.0.1:{Port}/");

    /// <summary>Handshakes completed so far (a probe that stops after the ServerHello does not count).</summary>
    public int CompletedHandshakes => Volatile.Read(ref handshakes);

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException
                || (e is InvalidOperationException && stop.IsCancellationRequested))
            {
                // Disposal stops the listener; the loop may be between two accepts when it does ("Not listening").
                return;
            }

            if (!slots.Wait(0))
            {
                // Over the cap: refuse rather than queue, so a flood cannot pile up threads.
                socket.Dispose();
                continue;
            }

            // BouncyCastle's handshake blocks its thread: a dedicated thread per connection keeps a burst of probes
            // from starving the thread pool (which grows by about one thread a second).
            _ = Task.Factory.StartNew(() => ServeAsync(socket), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            using (socket)
            using (var lifetime = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
            {
                lifetime.CancelAfter(options.ConnectionLifetime);

                // BouncyCastle's blocking stream API cannot be cancelled; closing the socket is what unblocks it.
                await using var closeOnCancel = lifetime.Token.Register(socket.Dispose);
                socket.NoDelay = true;
                await using var network = new NetworkStream(socket, ownsSocket: false);
                network.ReadTimeout = network.WriteTimeout = (int)options.IdleTimeout.TotalMilliseconds;
                var protocol = new TlsServerProtocol(network);
                try
                {
                    protocol.Accept(new LegacyBcServer(crypto, options, chain, key));
                    Interlocked.Increment(ref handshakes);
                    await handler(protocol.Stream, lifetime.Token);
                }
                finally
                {
                    protocol.Close();
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException
            or TlsFatalAlert or TlsFatalAlertReceived or TlsTimeoutException or TlsNoCloseNotifyException)
        {
            // Probes hang up after the ServerHello, scanners send garbage: a failed connection is the normal case here.
        }
        finally
        {
            slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }
}
