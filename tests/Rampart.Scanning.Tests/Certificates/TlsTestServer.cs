using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Rampart.Scanning.Tests.Certificates;

/// <summary>A real TLS listener on loopback that presents a given certificate (and chain) to every client.</summary>
internal sealed class TlsTestServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public TlsTestServer(X509Certificate2 certificate, X509Certificate2Collection? chain = null)
    {
        listener.Start();
        var context = SslStreamCertificateContext.Create(certificate, chain ?? [], offline: true);
        loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var client = await listener.AcceptTcpClientAsync(stop.Token);
                    _ = Task.Run(async () =>
                    {
                        using (client)
                        await using (var tls = new SslStream(client.GetStream()))
                        {
                            try
                            {
                                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificateContext = context }, stop.Token);
                            }
                            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
                            {
                                // The client gave up on the handshake; nothing to serve.
                            }
                        }
                    });
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    public Uri Origin(string host = "localhost") => new($"https://{host}:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }
}
