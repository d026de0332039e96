using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rampart.DemoApps.Tests.Support;

namespace Rampart.DemoApps.Tests;

/// <summary>What a flawed answer contains, beyond the status codes the isolation matrix compares.</summary>
public sealed class FlawDetailTests(CertificateAuthorityFixture fixture) : IClassFixture<CertificateAuthorityFixture>
{
    [Fact]
    public async Task The_unauthenticated_report_leaks_tenant_data_behind_error_words()
    {
        await using var app = await StartAsync(DemoFlaws.UnauthenticatedPage);
        var client = Client(app);

        var reply = await client.GetAsync("/pages/report");

        reply.Status.ShouldBe(200);
        reply.Body.ShouldContain("https://demo-tenant.atlassian.net");
        reply.Body.ShouldContain(app.ClientKey);
        reply.Body.ShouldContain($"\"accountId\":\"{app.AdminAccountId}\"");
        reply.Body.ShouldContain("error");
        reply.Body.ShouldContain("invalid");
        reply.Headers.ContainsKey("Set-Cookie").ShouldBeFalse();

        // Only the report is open, and a presented token is still judged.
        (await client.GetAsync("/install-guide")).Status.ShouldBe(401);
        (await client.GetAsync("/pages/report", client.Token("GET", "/pages/report", secret: "fake-jwt-secret"))).Status.ShouldBe(401);
    }

    [Fact]
    public async Task Unauthenticated_POST_answers_with_content_while_GET_stays_protected()
    {
        await using var app = await StartAsync(DemoFlaws.PostUnauthenticated);
        var client = Client(app);

        var post = await client.PostAsync("/pages/settings");
        post.Status.ShouldBe(200);
        post.Body.ShouldContain("https://demo-tenant.atlassian.net");
        (await client.GetAsync("/pages/settings")).Status.ShouldBe(302);
        (await client.PostAsync("/webhooks/issue-created", null, "{}")).Status.ShouldBe(401);
    }

    [Fact]
    public async Task A_query_token_is_trusted_even_when_expired_or_unsigned_but_a_header_token_is_not()
    {
        await using var app = await StartAsync(DemoFlaws.TrustsQueryToken);
        var client = Client(app);
        var expired = client.Token("GET", "/pages/report", lifetime: TimeSpan.FromHours(-1));
        var unsigned = TestJwt.Unsigned(TestJwt.Claims("anyone", app.UserAccountId, "x", TimeProvider.System.GetUtcNow()));

        (await client.GetAsync("/pages/report?jwt=" + expired)).Status.ShouldBe(200);
        (await client.GetAsync("/pages/report?jwt=" + unsigned)).Status.ShouldBe(200);
        (await client.GetAsync("/pages/report", expired)).Status.ShouldBe(401);
        (await client.GetAsync("/pages/report?jwt=not-a-token")).Status.ShouldBe(401);
    }

    [Fact]
    public async Task An_ignored_issuer_still_needs_this_installations_secret()
    {
        await using var app = await StartAsync(DemoFlaws.IgnoresIssuer);
        var client = Client(app);

        (await client.GetAsync("/pages/report", client.Token("GET", "/pages/report", iss: "another-tenant"))).Status.ShouldBe(200);
        (await client.GetAsync("/pages/report", client.Token("GET", "/pages/report", iss: "another-tenant", secret: "guess"))).Status.ShouldBe(401);
    }

    [Fact]
    public async Task An_accepted_forged_install_lets_an_attacker_mint_valid_tokens_for_a_tenant_it_invented()
    {
        await using var app = await StartAsync(DemoFlaws.ForgedInstallAccepted);
        var client = Client(app);
        using var forger = RSA.Create(2048);
        var clientKey = Guid.NewGuid().ToString();
        var token = InstallCallback.Token(client, "/lifecycle/installed", forger, "fake-kid", "csrt-fake-token-ignore");

        (await client.PostAsync("/lifecycle/installed", token, InstallCallback.Body(app.Options.Key, clientKey, "installed", "attacker-secret")))
            .Status.ShouldBe(204);

        app.IsInstalled(clientKey).ShouldBeTrue();
        (await client.GetAsync("/pages/report", client.Token("GET", "/pages/report", iss: clientKey, secret: "attacker-secret"))).Status.ShouldBe(200);
        (await client.PostAsync("/lifecycle/installed", token, "not json")).Status.ShouldBe(400);
        (await client.PostAsync("/lifecycle/installed", null, InstallCallback.Body(app.Options.Key, clientKey, "installed"))).Status.ShouldBe(401);
    }

    [Fact]
    public async Task The_descriptor_leaks_an_access_token_and_an_AWS_key_id()
    {
        await using var app = await StartAsync(DemoFlaws.SecretInDescriptor);
        var body = (await Client(app).GetAsync("/atlassian-connect.json")).Body;

        Regex.IsMatch(body, "\\?access_token=[0-9a-f]{40}\"").ShouldBeTrue(body);
        Regex.IsMatch(body, "\"AKIA[A-Z0-9]{16}\"").ShouldBeTrue(body);
        var leakyItem = JsonNode.Parse(body)!["modules"]!["webItems"]!.AsArray().Last()!;
        leakyItem["url"]!.GetValue<string>().ShouldStartWith("/pages/export?access_token=");
    }

    [Fact]
    public async Task The_leaky_referrer_policy_is_sent_verbatim_on_every_answer()
    {
        await using var app = await StartAsync(DemoFlaws.LeakyReferrerPolicy);
        var client = Client(app);

        foreach (var reply in new[] { await client.GetAsync("/pages/report"), await client.GetAsync("/static/help.html") })
        {
            reply.Headers["Referrer-Policy"].ShouldBe(["strict-origin, unsafe-url"]);
        }
    }

    [Fact]
    public async Task A_rate_limited_page_answers_429_to_any_method_with_the_usual_headers()
    {
        await using var app = await StartAsync(DemoFlaws.RateLimited);
        var client = Client(app);

        foreach (var reply in new[] { await client.PostAsync("/pages/busy"), await client.GetAsync("/pages/busy?x=1") })
        {
            reply.Status.ShouldBe(429);
            reply.Header("Retry-After").ShouldBe("120");
            reply.Header("Referrer-Policy").ShouldBe("strict-origin-when-cross-origin");
            reply.Header("Cache-Control").ShouldBe("no-store");
        }

        (await client.GetAsync("/pages/report")).Status.ShouldBe(401);
    }

    private Task<DemoApp> StartAsync(DemoFlaws flaws) =>
        DemoApp.StartAsync(new DemoAppOptions("detail-app", "Detail App", flaws), fixture.Ca, TimeProvider.System, CancellationToken.None);

    private AppClient Client(DemoApp app) => new(app, DemoHttp.CreateClient(fixture.Ca.Certificate));
}
