using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DnsClient;

namespace Rampart.Scanning.Tests.Support;

/// <summary>A real dnsmasq on 127.0.0.1 and a free port, answering only from the records the test gives it.</summary>
public sealed class DnsmasqServer : IAsyncDisposable
{
    private readonly Process process;

    private DnsmasqServer(Process process, IPEndPoint endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public static string? Executable { get; } = FindOnPath("dnsmasq");

    public IPEndPoint Endpoint { get; }

    /// <summary>Starts dnsmasq with <paramref name="records"/> (dnsmasq options such as <c>--host-record=...</c>) and waits until <paramref name="probeName"/> resolves.</summary>
    /// <param name="listen">The loopback address to listen on (default 127.0.0.1).</param>
    /// <param name="port">A port chosen by the caller (default: a free one); a taken port is not retried.</param>
    public static async Task<DnsmasqServer> StartAsync(IReadOnlyList<string> records, string probeName, CancellationToken cancellationToken,
        IPAddress? listen = null, int? port = null)
    {
        listen ??= IPAddress.Loopback;
        var executable = Executable ?? throw new InvalidOperationException("dnsmasq is not on PATH: run eng/install-test-deps.sh.");
        for (var attempt = 0; ; attempt++)
        {
            var chosen = port ?? FreeUdpPort(listen);
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            // No upstream, no /etc/hosts, no config file: the answers are exactly the records given.
            foreach (var argument in new[]
                     {
                         "--no-daemon", $"--port={chosen}", $"--listen-address={listen}", "--bind-interfaces", "--no-resolv",
                         "--no-hosts", "--conf-file=/dev/null", "--cache-size=0", "--user=root", "--pid-file=",
                     }.Concat(records))
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("dnsmasq did not start");
            var server = new DnsmasqServer(process, new IPEndPoint(listen, chosen));
            if (await server.WaitReadyAsync(probeName, cancellationToken))
            {
                return server;
            }

            var error = process.HasExited ? await process.StandardError.ReadToEndAsync(cancellationToken) : "no answer";
            await server.DisposeAsync();
            // The port may have been taken between choosing and binding it; another port will do.
            if (attempt >= 3 || port is not null)
            {
                throw new InvalidOperationException($"dnsmasq did not come up: {error}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task<bool> WaitReadyAsync(string probeName, CancellationToken cancellationToken)
    {
        var client = new LookupClient(new LookupClientOptions(Endpoint) { UseCache = false, Timeout = TimeSpan.FromMilliseconds(200), Retries = 0, ThrowDnsErrors = false });
        for (var i = 0; i < 50 && !process.HasExited; i++)
        {
            try
            {
                var response = await client.QueryAsync(probeName, QueryType.A, QueryClass.IN, cancellationToken);
                if (response.Answers.Count > 0)
                {
                    return true;
                }
            }
            catch (DnsResponseException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        return false;
    }

    public static int FreeUdpPort(IPAddress listen)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(listen, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Concat(["/usr/sbin", "/sbin"])
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
}
