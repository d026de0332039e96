using System.Net;
using System.Net.Sockets;

namespace Rampart.Scanning.Tests.Tls;

/// <summary>
/// A TCP server that answers every connection with the test's bytes, or with an endless stream of them, optionally one
/// byte at a time with a pause between bytes (a slow-loris server that never lets a read time out).
/// </summary>
public sealed class HostileTlsServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private readonly TimeSpan drip;

    public HostileTlsServer(byte[] reply, bool endless = false, bool holdOpen = false, TimeSpan drip = default)
    {
        this.drip = drip;
        listener.Start();
        loop = AcceptAsync(reply, endless, holdOpen);
    }

    public Uri Origin => new($"https://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    private async Task AcceptAsync(byte[] reply, bool endless, bool holdOpen)
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                _ = ServeAsync(client, reply, endless, holdOpen);
            }
        }
        catch (Exception e) when (e is OperationCanceledException || (e is InvalidOperationException && stop.IsCancellationRequested))
        {
            // Disposal may stop the listener between two accepts ("Not listening"): the loop is over either way.
        }
    }

    private async Task ServeAsync(TcpClient client, byte[] reply, bool endless, bool holdOpen)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                do
                {
                    if (drip > TimeSpan.Zero)
                    {
                        for (var i = 0; i < reply.Length; i++)
                        {
                            await stream.WriteAsync(reply.AsMemory(i, 1), stop.Token);
                            await Task.Delay(drip, stop.Token);
                        }
                    }
                    else
                    {
                        await stream.WriteAsync(reply, stop.Token);
                    }
                }
                while (endless);

                if (holdOpen)
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }
}
