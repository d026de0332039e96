using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Rampart.Scanning.Tests.Transport;

/// <summary>
/// Kestrel on one given loopback address: plain HTTP on port 80 (where a browser's <c>http://host/</c> lands; binding
/// it needs root, as on CI and the dev machines) and HTTPS on an ephemeral port. Each test host gets its own address
/// in 127.0.0.0/8, so port 80 is never shared with another test or another process.
/// </summary>
public sealed class AddressBoundServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private AddressBoundServer(WebApplication app, IPAddress address)
    {
        this.app = app;
        Address = address;
    }

    public IPAddress Address { get; }

    public int HttpsPort { get; private set; }

    public static IPAddress RandomLoopbackAddress() =>
        new([127, (byte)Random.Shared.Next(100, 250), (byte)Random.Shared.Next(1, 250), (byte)Random.Shared.Next(1, 250)]);

    public static async Task<AddressBoundServer> StartAsync(IPAddress address, X509Certificate2 certificate, RequestDelegate https, RequestDelegate plain)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.Listen(address, 80);
            options.Listen(address, 0, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();
        app.Run(context => context.Request.IsHttps ? https(context) : plain(context));
        await app.StartAsync();
        var server = new AddressBoundServer(app, address);
        server.HttpsPort = app.Urls.Select(u => new Uri(u)).Single(u => u.Scheme == Uri.UriSchemeHttps).Port;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
