using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rampart.Scanning.Tests.Support;

/// <summary>A real Kestrel server on 127.0.0.1 with an ephemeral port, answering with a test's own handler.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<HttpRequestRecord> requests = new();

    private LoopbackServer(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyCollection<HttpRequestRecord> Requests => requests;

    public static async Task<LoopbackServer> StartAsync(RequestDelegate handler, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.Limits.MinResponseDataRate = null;
            options.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(async context =>
        {
            server.requests.Enqueue(new HttpRequestRecord(context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.Authorization.ToString()));
            await handler(context);
        });
        await app.StartAsync();
        var address = app.Urls.First();
        server.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record HttpRequestRecord(string Method, string PathAndQuery, string Authorization);
