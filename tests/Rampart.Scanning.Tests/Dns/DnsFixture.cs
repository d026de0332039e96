using Microsoft.AspNetCore.Http;
using Rampart.Scanning.Tests.Support;

namespace Rampart.Scanning.Tests.Dns;

/// <summary>
/// One dnsmasq serving every scenario under <c>app.test</c>, plus two web servers on loopback: one answering like an
/// unclaimed GitHub Pages site, one like a claimed site. Names under <c>app.test</c> and <c>github.io</c> that are not
/// listed answer NXDOMAIN (<c>--local</c>), as an authoritative server would.
/// </summary>
public sealed class DnsFixture : IAsyncLifetime
{
    public const string UnclaimedPagesBody = "<html><body><h1>404</h1><p>There isn't a GitHub Pages site here.</p></body></html>";

    private DnsmasqServer? dns;

    public DnsmasqServer Dns => dns ?? throw new InvalidOperationException("dnsmasq did not start");

    public LoopbackServer UnclaimedSite { get; private set; } = null!;

    public LoopbackServer ClaimedSite { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        UnclaimedSite = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(UnclaimedPagesBody);
        });
        ClaimedSite = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body><h1>Welcome to our docs</h1><p>Hosted on GitHub Pages.</p></body></html>");
        });
        if (DnsmasqServer.Executable is null)
        {
            // The facts are skipped (or fail under CI) by their attribute; the servers above cost nothing.
            return;
        }

        dns = await DnsmasqServer.StartAsync(
        [
            "--local=/app.test/",
            "--local=/github.io/",
            "--host-record=ok.app.test,127.0.0.1",
            // A two-hop chain to a healthy target.
            "--cname=alias.app.test,www.app.test",
            "--cname=www.app.test,ok.app.test",
            // A CNAME to a github.io name that does not exist.
            "--cname=gone.app.test,gone-site.github.io",
            // CNAMEs to github.io names that exist: one serves the "no site here" page, one a real site.
            "--address=/unclaimed-pages.github.io/127.0.0.1",
            "--cname=pages.app.test,unclaimed-pages.github.io",
            "--address=/docs-site.github.io/127.0.0.1",
            "--cname=docs.app.test,docs-site.github.io",
            // Look-alikes: names containing "github" that are not github.io.
            "--host-record=github.app.test,127.0.0.1",
            "--host-record=github.io.app.test,127.0.0.1",
            "--cname=lookalike.app.test,github.io.app.test",
            // A CNAME to a missing name on no takeover-prone service.
            "--cname=dangling.app.test,nothing-here.app.test",
            // Eleven hops to a healthy host: longer than any resolver follows (Rampart's limit is 10).
            "--cname=hop1.app.test,hop2.app.test",
            "--cname=hop2.app.test,hop3.app.test",
            "--cname=hop3.app.test,hop4.app.test",
            "--cname=hop4.app.test,hop5.app.test",
            "--cname=hop5.app.test,hop6.app.test",
            "--cname=hop6.app.test,hop7.app.test",
            "--cname=hop7.app.test,hop8.app.test",
            "--cname=hop8.app.test,hop9.app.test",
            "--cname=hop9.app.test,hop10.app.test",
            "--cname=hop10.app.test,hop11.app.test",
            "--cname=hop11.app.test,ok.app.test",
            // Ten hops: the longest chain that still counts as resolving.
            "--cname=ten.app.test,hop3.app.test",
        ], "ok.app.test", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (dns is not null)
        {
            await dns.DisposeAsync();
        }

        await UnclaimedSite.DisposeAsync();
        await ClaimedSite.DisposeAsync();
    }
}
