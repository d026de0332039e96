using System.Net;
using System.Net.Sockets;

namespace Rampart.Scanning.Tls;

/// <summary>One host's probes: the checked address, the budget, the concurrency bound and the count of probes sent.</summary>
internal sealed class ProbeSession(IPEndPoint endPoint, string? serverName, TlsProberOptions options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim gate = new(options.MaxConcurrentProbes);
    private int sent;

    public int Sent => Volatile.Read(ref sent);

    public Task<HelloResult> HelloAsync(TlsVersion version, IReadOnlyList<ushort> suites, IReadOnlyList<ushort> groups,
        bool wantKeyExchange, CancellationToken cancellationToken) =>
        ExchangeAsync(
            version == TlsVersion.Ssl2 ? ClientHello.Ssl2() : ClientHello.Tls(version, suites, groups, serverName),
            (stream, token) => version == TlsVersion.Ssl2
                ? ServerHelloReader.ReadSsl2Async(stream, token)
                : ServerHelloReader.ReadTlsAsync(stream, version, wantKeyExchange, options.MaxReplyBytes, token),
            cancellationToken);

    private async Task<HelloResult> ExchangeAsync(byte[] hello, Func<Stream, CancellationToken, Task<HelloResult>> read,
        CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref sent) > options.MaxProbesPerHost)
        {
            Interlocked.Decrement(ref sent);
            return HelloResult.Error($"probe budget of {options.MaxProbesPerHost} per host exhausted");
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            using var timeout = new CancellationTokenSource(options.ProbeTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(endPoint, linked.Token);
            }
            catch (SocketException e)
            {
                return HelloResult.Error($"connect to {endPoint} failed: {e.SocketErrorCode}");
            }

            await using var stream = new NetworkStream(socket, ownsSocket: false);
            try
            {
                await stream.WriteAsync(hello, linked.Token);
                return await read(stream, linked.Token);
            }
            catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
            {
                // Resetting the connection is how many servers and load balancers refuse a version they do not speak.
                return HelloResult.Rejected("connection reset");
            }
            catch (IOException e)
            {
                return HelloResult.Error($"read failed: {e.Message}");
            }
            catch (SocketException e)
            {
                return HelloResult.Error($"socket error: {e.SocketErrorCode}");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HelloResult.Error($"no complete reply within {options.ProbeTimeout.TotalSeconds:0.#} s");
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
