using System.Text.Json.Nodes;
using Rampart.DemoApps.Tests.Support;

namespace Rampart.DemoApps.Tests;

/// <summary>A static-site app: authentication none, public pages only, nothing to protect.</summary>
public sealed class StaticSiteTests(CertificateAuthorityFixture fixture) : IClassFixture<CertificateAuthorityFixture>
{
    [Fact]
    public async Task It_declares_no_authentication_and_no_lifecycle()
    {
        await using var app = await StartAsync();
        var d = JsonNode.Parse((await Client(app).GetAsync("/atlassian-connect.json")).Body)!.AsObject();

        d["authentication"]!["type"]!.GetValue<string>().ShouldBe("none");
        d.ContainsKey("lifecycle").ShouldBeFalse();
        d.ContainsKey("apiMigrations").ShouldBeFalse();
        d["modules"]!.AsObject().Select(m => m.Key).ShouldBe(["generalPages"]);
        d["modules"]!["generalPages"]!.AsArray().Select(p => p!["url"]!.GetValue<string>())
            .ShouldBe(["/static/index.html", "/static/help.html"]);
    }

    [Theory]
    [InlineData("/static/index.html")]
    [InlineData("/static/help.html")]
    public async Task Its_pages_are_public_identical_and_hold_no_tenant_data(string path)
    {
        await using var app = await StartAsync();
        var client = Client(app);

        var anonymous = await client.GetAsync(path);
        var withToken = await client.GetAsync(path, app.CreateContextJwt(app.UserAccountId));

        anonymous.Status.ShouldBe(200);
        withToken.BodyBytes.ShouldBe(anonymous.BodyBytes);
        anonymous.Body.ShouldNotContain("demo-tenant");
        anonymous.Body.ShouldNotContain(app.ClientKey);
        anonymous.Header("Referrer-Policy").ShouldBe("strict-origin-when-cross-origin");
        anonymous.Header("Cache-Control").ShouldBe("no-store");
    }

    [Fact]
    public async Task It_serves_nothing_else()
    {
        await using var app = await StartAsync();
        var client = Client(app);

        (await client.GetAsync("/pages/report", app.CreateContextJwt(app.AdminAccountId))).Status.ShouldBe(404);
        (await client.PostAsync("/lifecycle/installed", null, "{}")).Status.ShouldBe(404);
        (await client.GetAsync("/login")).Status.ShouldBe(404);
    }

    private Task<DemoApp> StartAsync() =>
        DemoApp.StartAsync(DemoFleet.Standard.Single(o => o.Key == "static-site"), fixture.Ca, TimeProvider.System, CancellationToken.None);

    private AppClient Client(DemoApp app) => new(app, DemoHttp.CreateClient(fixture.Ca.Certificate));
}
