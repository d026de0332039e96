using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Rampart.Cli.Tests;

/// <summary>
/// A descriptor served at once over plain HTTP whose app origin accepts TCP connections and then never says a word:
/// every probe of the app can only end by its per-request time limit, so the requirements they verify are
/// <c>error</c>. With <c>unsignedInstall</c> the descriptor also fails requirement 1.4 on its own (install callbacks
/// without <c>signed-install</c>), which needs no probe.
/// </summary>
public sealed class SilentApp : IAsyncDisposable
{
    private readonly WebApplication descriptorServer;
    private readonly TcpListener silent;
    private readonly List<TcpClient> held = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    private SilentApp(WebApplication descriptorServer, TcpListener silent)
    {
        this.descriptorServer = descriptorServer;
        this.silent = silent;
        accepting = AcceptAsync();
    }

    public string DescriptorUrl => descriptorServer.Urls.First() + "/atlassian-connect.json";

    /// <param name="descriptorDelay">How long the descriptor takes to arrive (default at once).</param>
    public static async Task<SilentApp> StartAsync(bool unsignedInstall = false, TimeSpan descriptorDelay = default)
    {
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var server = builder.Build();
        server.Run(async context =>
        {
            await Task.Delay(descriptorDelay, context.RequestAborted);
            await context.Response.WriteAsync($$$"""
            {"key":"silent-app","name":"Silent app","baseUrl":"https://127.0.0.1:{{{port}}}/","authentication":{"type":"jwt"},{{{(unsignedInstall ? Lifecycle : "")}}}
             "modules":{"generalPages":[{{{Pages}}}]}}
            """);
        });
        await server.StartAsync();
        return new SilentApp(server, silent);
    }

    // More requests than the per-host limit of 16 connections: later requests wait for a connection attempt that an
    // earlier, already timed-out request started, which is how a connect timeout reached the scan as a cancellation.
    private static string Pages => string.Join(",", Enumerable.Range(1, 12).Select(i => $"{{\"key\":\"page-{i}\",\"url\":\"/page/{i}\",\"name\":{{\"value\":\"Page {i}\"}}}}"));

    private const string Lifecycle = "\"lifecycle\":{\"installed\":\"/installed\"},";

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await silent.AcceptTcpClientAsync(stop.Token);
                lock (held)
                {
                    held.Add(client);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped by DisposeAsync.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await accepting;
        silent.Stop();
        lock (held)
        {
            held.ForEach(c => c.Dispose());
        }

        await descriptorServer.DisposeAsync();
        stop.Dispose();
    }
}
