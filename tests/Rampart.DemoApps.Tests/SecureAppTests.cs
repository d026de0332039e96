using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Rampart.DemoApps.Tests.Support;

namespace Rampart.DemoApps.Tests;

/// <summary>The app with no flaws is a correct Connect app in every way a scanner looks at.</summary>
public sealed class SecureAppTests(SecureAppFixture fixture) : IClassFixture<SecureAppFixture>
{
    private const string TenantSite = "https://demo-tenant.atlassian.net";

    private DemoApp App => fixture.App;

    private AppClient Client => fixture.Client;

    [Fact]
    public void It_listens_on_loopback_over_https_with_an_ephemeral_port()
    {
        App.BaseUrl.Scheme.ShouldBe("https");
        App.BaseUrl.Host.ShouldBe("127.0.0.1");
        App.BaseUrl.Port.ShouldBeGreaterThan(0);
        App.BaseUrl.AbsolutePath.ShouldBe("/");
        App.DescriptorUrl.ShouldBe(new Uri(App.BaseUrl, "atlassian-connect.json"));
        System.Buffers.Text.Base64Url.DecodeFromChars(App.SharedSecret).Length.ShouldBeGreaterThanOrEqualTo(32);
        App.AdminAccountId.ShouldNotBe(App.UserAccountId);
    }

    [Fact]
    public async Task The_descriptor_is_a_complete_connect_descriptor()
    {
        var reply = await Client.GetAsync("/atlassian-connect.json");
        reply.Status.ShouldBe(200);
        reply.Header("Content-Type")!.ShouldStartWith("application/json");
        var d = JsonNode.Parse(reply.Body)!.AsObject();

        d["key"]!.GetValue<string>().ShouldBe("secure-app");
        d["name"]!.GetValue<string>().ShouldBe("Secure App");
        d["description"].ShouldNotBeNull();
        d["vendor"]!["name"].ShouldNotBeNull();
        d["baseUrl"]!.GetValue<string>().ShouldBe(App.BaseUrl.ToString().TrimEnd('/'));
        d["authentication"]!["type"]!.GetValue<string>().ShouldBe("jwt");
        d["apiMigrations"]!["signed-install"]!.GetValue<bool>().ShouldBeTrue();
        d["apiMigrations"]!["context-qsh"]!.GetValue<bool>().ShouldBeTrue();
        Strings(d["scopes"]).ShouldBe(["READ"]);
        d["lifecycle"]!.AsObject().Select(p => $"{p.Key}={p.Value}").ShouldBe(
            ["installed=/lifecycle/installed", "uninstalled=/lifecycle/uninstalled", "enabled=/lifecycle/enabled", "disabled=/lifecycle/disabled"]);

        var modules = d["modules"]!.AsObject();
        Urls(modules["generalPages"]).ShouldBe(
        [
            "/pages/report", "/pages/settings", "/install-guide", "/static/help.html",
            "/issue/{issue.key}/view/{project.key}", "/pages/busy", "/pages/extra/1", "/pages/extra/2",
        ]);
        Urls(modules["adminPages"]).ShouldBe(["/admin/config"]);
        modules["configurePage"]!["url"]!.GetValue<string>().ShouldBe("/admin/configure");

        var webItems = modules["webItems"]!.AsArray().Select(w => w!.AsObject()).ToList();
        webItems.Select(w => w["url"]!.GetValue<string>()).ShouldBe(
            ["/admin/tools", "/pages/tools", "/pages/non-admin-only", "https://docs.example.org/help"]);
        webItems[0]["conditions"]!.ToJsonString().ShouldBe("""[{"condition":"user_is_admin"}]""");
        webItems[1]["conditions"].ShouldBeNull();
        webItems[2]["conditions"]!.ToJsonString().ShouldBe("""[{"condition":"user_is_admin","invert":true}]""");
        webItems[3]["conditions"].ShouldBeNull();

        Urls(modules["webPanels"]).ShouldBe(["/panels/issue-summary?issueKey={issue.key}"]);
        var macro = modules["dynamicContentMacros"]![0]!;
        macro["url"]!.GetValue<string>().ShouldBe("/macro/dynamic?pageId={page.id}&macroId={macro.id}");
        macro["renderModes"]!["default"]!["url"]!.GetValue<string>().ShouldBe("/macro/dynamic/export?pageId={page.id}");
        macro["editor"]!["url"]!.GetValue<string>().ShouldBe("/macro/editor");
        var cached = modules["staticContentMacros"]![0]!;
        cached["url"]!.GetValue<string>().ShouldBe("/macro/cached");
        cached["cacheable"]!.GetValue<bool>().ShouldBeTrue();
        var postFunction = modules["jiraWorkflowPostFunctions"]![0]!;
        postFunction["view"]!["url"]!.GetValue<string>().ShouldBe("/workflow/post-function/view");
        postFunction["edit"]!["url"]!.GetValue<string>().ShouldBe("/workflow/post-function/edit");
        postFunction["create"]!["url"]!.GetValue<string>().ShouldBe("/workflow/post-function/create");
        modules["webhooks"]!.ToJsonString().ShouldBe("""[{"event":"jira:issue_created","url":"/webhooks/issue-created"}]""");

        reply.Body.ShouldNotContain("access_token");
        reply.Body.ShouldNotContain("AKIA");
    }

    [Theory]
    [InlineData("/pages/report")]
    [InlineData("/pages/settings")]
    [InlineData("/install-guide")]
    [InlineData("/issue/DEMO-7/view/DEMO")]
    [InlineData("/pages/tools")]
    [InlineData("/pages/non-admin-only")]
    [InlineData("/pages/extra/2")]
    [InlineData("/panels/issue-summary?issueKey=DEMO-7")]
    [InlineData("/macro/dynamic?pageId=10&macroId=abc")]
    [InlineData("/macro/dynamic/export?pageId=10")]
    [InlineData("/macro/editor")]
    [InlineData("/workflow/post-function/view")]
    [InlineData("/workflow/post-function/edit")]
    [InlineData("/workflow/post-function/create")]
    public async Task A_module_page_serves_tenant_data_only_to_a_valid_token(string page)
    {
        var anonymous = await Client.GetAsync(page);
        var authorised = await Client.GetAsync(page, Client.Token("GET", page));

        anonymous.Status.ShouldBeOneOf(302, 401);
        anonymous.Body.ShouldNotContain(TenantSite);
        anonymous.Body.ShouldNotContain(App.ClientKey);
        authorised.Status.ShouldBe(200);
        authorised.Header("Content-Type")!.ShouldStartWith("text/html");
        authorised.Body.ShouldContain(TenantSite);
        authorised.Body.ShouldContain(App.ClientKey);
        authorised.Body.ShouldContain($"\"accountId\":\"{App.UserAccountId}\"");
        authorised.Body.ShouldContain("<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">");
        authorised.Body.ShouldNotBe(anonymous.Body);
    }

    [Fact]
    public async Task A_valid_page_load_sets_a_secure_httponly_session_cookie()
    {
        var reply = await Client.GetAsync("/pages/report", Client.Token("GET", "/pages/report"));

        var cookie = reply.Headers["Set-Cookie"].ShouldHaveSingleItem();
        cookie.ShouldMatch("^connect\\.sid=[A-Za-z0-9_-]{20,}; Path=/; Secure; HttpOnly; SameSite=None$");
    }

    [Fact]
    public async Task The_query_token_of_an_iframe_load_is_verified_like_a_header_token()
    {
        var page = "/panels/issue-summary?issueKey=DEMO-1";
        var token = Client.Token("GET", page);

        (await Client.GetAsync(page + "&jwt=" + token)).Status.ShouldBe(200);
        (await Client.GetAsync(page.Replace("DEMO-1", "DEMO-2", StringComparison.Ordinal) + "&jwt=" + token)).Status.ShouldBe(401);
    }

    [Fact]
    public async Task Refusals_are_short_and_say_why()
    {
        var reply = await Client.GetAsync("/pages/report", Client.Token("GET", "/pages/report", lifetime: TimeSpan.FromMinutes(-5)));

        reply.Status.ShouldBe(401);
        reply.Header("WWW-Authenticate").ShouldBe("JWT");
        reply.BodyBytes.Length.ShouldBeLessThan(200);
        reply.Body.ShouldContain("expired");
    }

    [Fact]
    public async Task Admin_pages_need_the_admin_account()
    {
        foreach (var page in new[] { "/admin/config", "/admin/configure", "/admin/tools" })
        {
            (await Client.GetAsync(page, App.CreateContextJwt(App.UserAccountId))).Status.ShouldBe(403);
            var admin = await Client.GetAsync(page, App.CreateContextJwt(App.AdminAccountId));
            admin.Status.ShouldBe(200);
            admin.Body.ShouldContain(App.AdminAccountId);
        }

        // Neither the sibling of the admin webItem nor the inverted-condition item is an admin page.
        (await Client.GetAsync("/pages/tools", App.CreateContextJwt(App.UserAccountId))).Status.ShouldBe(200);
        (await Client.GetAsync("/pages/non-admin-only", App.CreateContextJwt(App.UserAccountId))).Status.ShouldBe(200);
    }

    [Fact]
    public async Task Settings_sends_an_anonymous_browser_to_a_public_login_page()
    {
        var redirect = await Client.GetAsync("/pages/settings");
        redirect.Status.ShouldBe(302);
        redirect.Header("Location").ShouldBe("/login?next=%2Fpages%2Fsettings");

        var login = await Client.GetAsync(redirect.Header("Location")!);
        login.Status.ShouldBe(200);
        login.Body.ShouldNotContain(TenantSite);
        login.Body.ShouldNotContain(App.ClientKey);

        (await Client.GetAsync("/pages/settings", Client.Token("GET", "/pages/settings", secret: "fake-jwt-secret"))).Status.ShouldBe(401);
        (await Client.PostAsync("/pages/settings")).Status.ShouldBe(401);
    }

    [Theory]
    [InlineData("/static/help.html")]
    [InlineData("/macro/cached")]
    public async Task Static_content_is_the_same_bytes_for_everyone_and_holds_no_tenant_data(string path)
    {
        var anonymous = await Client.GetAsync(path);
        var user = await Client.GetAsync(path, Client.Token("GET", path));
        var forged = await Client.GetAsync(path, Client.Token("GET", path, secret: "fake-jwt-secret"));

        anonymous.Status.ShouldBe(200);
        user.BodyBytes.ShouldBe(anonymous.BodyBytes);
        forged.BodyBytes.ShouldBe(anonymous.BodyBytes);
        anonymous.Body.ShouldNotContain(TenantSite);
        anonymous.Body.ShouldNotContain(App.ClientKey);
        anonymous.Headers.ContainsKey("Set-Cookie").ShouldBeFalse();
        anonymous.Header("Referrer-Policy").ShouldBe("strict-origin-when-cross-origin");
        anonymous.Header("Cache-Control").ShouldBe("no-store");
    }

    [Fact]
    public async Task Pages_beyond_the_extra_count_do_not_exist()
    {
        (await Client.GetAsync("/pages/extra/3", Client.Token("GET", "/pages/extra/3"))).Status.ShouldBe(404);
        (await Client.GetAsync("/pages/extra/0", Client.Token("GET", "/pages/extra/0"))).Status.ShouldBe(404);
    }

    [Fact]
    public async Task Webhooks_and_enable_callbacks_need_a_token_bound_to_their_POST()
    {
        foreach (var hook in new[] { "/webhooks/issue-created", "/lifecycle/enabled", "/lifecycle/disabled", "/workflow/post-function/triggered" })
        {
            (await Client.PostAsync(hook, Client.Token("POST", hook), "{}")).Status.ShouldBe(204);
            (await Client.PostAsync(hook, Client.Token("GET", hook), "{}")).Status.ShouldBe(401);
            (await Client.PostAsync(hook, Client.Token("POST", hook, secret: "fake-jwt-secret"), "{}")).Status.ShouldBe(401);
            (await Client.PostAsync(hook, null, "{}")).Status.ShouldBe(401);
            (await Client.GetAsync(hook)).Status.ShouldBe(405);
        }
    }

    [Fact]
    public async Task A_forged_signed_install_is_refused_whatever_its_claims()
    {
        using var forger = RSA.Create(2048);
        var clientKey = Guid.NewGuid().ToString();
        foreach (var path in new[] { "/lifecycle/installed", "/lifecycle/uninstalled" })
        {
            var body = InstallCallback.Body(App.Options.Key, clientKey, path.Split('/')[^1]);
            var token = InstallCallback.Token(Client, path, forger, "fake-kid", clientKey);
            var reply = await Client.PostAsync(path, token, body);
            reply.Status.ShouldBe(401);
            reply.Header("Referrer-Policy").ShouldBe("strict-origin-when-cross-origin");
            reply.Header("Cache-Control").ShouldBe("no-store");
        }

        App.IsInstalled(clientKey).ShouldBeFalse();
        (await Client.PostAsync("/lifecycle/installed", App.CreateContextJwt(App.UserAccountId),
            InstallCallback.Body(App.Options.Key, clientKey, "installed"))).Status.ShouldBe(401);
    }

    [Fact]
    public async Task A_genuine_signed_install_registers_a_tenant_whose_tokens_then_work()
    {
        using var atlassian = RSA.Create(2048);
        var kid = "test-kid-" + Guid.NewGuid().ToString("N");
        App.TrustInstallKey(kid, atlassian);
        var clientKey = Guid.NewGuid().ToString();
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var body = InstallCallback.Body(App.Options.Key, clientKey, "installed", secret);

        var wrongAud = InstallCallback.Token(Client, "/lifecycle/installed", atlassian, kid, clientKey, aud: App.DescriptorUrl.ToString());
        (await Client.PostAsync("/lifecycle/installed", wrongAud, body)).Status.ShouldBe(401);
        var wrongIss = InstallCallback.Token(Client, "/lifecycle/installed", atlassian, kid, "someone-else");
        (await Client.PostAsync("/lifecycle/installed", wrongIss, body)).Status.ShouldBe(401);
        var expired = InstallCallback.Token(Client, "/lifecycle/installed", atlassian, kid, clientKey, lifetime: TimeSpan.FromMinutes(-5));
        (await Client.PostAsync("/lifecycle/installed", expired, body)).Status.ShouldBe(401);
        App.IsInstalled(clientKey).ShouldBeFalse();

        var genuine = InstallCallback.Token(Client, "/lifecycle/installed", atlassian, kid, clientKey);
        (await Client.PostAsync("/lifecycle/installed", genuine, body)).Status.ShouldBe(204);
        var audienceList = TestJwt.Payload(genuine);
        audienceList["aud"] = new JsonArray("https://elsewhere.example.org", App.BaseUrl.ToString());
        (await Client.PostAsync("/lifecycle/installed", TestJwt.Rs256(audienceList, atlassian, kid), body)).Status.ShouldBe(204);
        App.IsInstalled(clientKey).ShouldBeTrue();

        var page = await Client.GetAsync("/pages/report", Client.Token("GET", "/pages/report", iss: clientKey, secret: secret));
        page.Status.ShouldBe(200);
        page.Body.ShouldContain(clientKey);

        var uninstall = InstallCallback.Token(Client, "/lifecycle/uninstalled", atlassian, kid, clientKey);
        (await Client.PostAsync("/lifecycle/uninstalled", uninstall, InstallCallback.Body(App.Options.Key, clientKey, "uninstalled", secret)))
            .Status.ShouldBe(204);
        App.IsInstalled(clientKey).ShouldBeFalse();
        (await Client.GetAsync("/pages/report", Client.Token("GET", "/pages/report", iss: clientKey, secret: secret))).Status.ShouldBe(401);
    }

    [Fact]
    public async Task The_test_installation_survives_an_install_that_names_it()
    {
        using var atlassian = RSA.Create(2048);
        App.TrustInstallKey("pin-kid", atlassian);
        var body = InstallCallback.Body(App.Options.Key, App.ClientKey, "uninstalled");
        var token = InstallCallback.Token(Client, "/lifecycle/uninstalled", atlassian, "pin-kid", App.ClientKey);

        (await Client.PostAsync("/lifecycle/uninstalled", token, body)).Status.ShouldBe(204);

        App.IsInstalled(App.ClientKey).ShouldBeTrue();
        (await Client.GetAsync("/pages/report", Client.Token("GET", "/pages/report"))).Status.ShouldBe(200);
    }

    [Fact]
    public void A_context_token_looks_like_AP_context_getToken()
    {
        var token = App.CreateContextJwt(App.UserAccountId);

        TestJwt.Header(token)["alg"]!.GetValue<string>().ShouldBe("HS256");
        var claims = TestJwt.Payload(token);
        claims["iss"]!.GetValue<string>().ShouldBe(App.ClientKey);
        claims["sub"]!.GetValue<string>().ShouldBe(App.UserAccountId);
        claims["qsh"]!.GetValue<string>().ShouldBe("context-qsh");
        (claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>()).ShouldBe(900);
        TestJwt.Hs256(claims, App.SharedSecret).ShouldBe(token);
    }

    [Fact]
    public async Task Every_request_is_journaled_with_its_raw_target()
    {
        var marker = "/no-such-page?marker=" + Guid.NewGuid().ToString("N");
        await Client.GetAsync(marker, App.CreateContextJwt(App.UserAccountId));
        await Client.PostAsync(marker);

        var records = App.Requests.Where(r => r.PathAndQuery == marker).ToList();
        records.ShouldBe([new DemoRequestRecord("GET", marker, true), new DemoRequestRecord("POST", marker, false)]);
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    private static List<string> Urls(JsonNode? modules) => [.. modules!.AsArray().Select(m => m!["url"]!.GetValue<string>())];
}
