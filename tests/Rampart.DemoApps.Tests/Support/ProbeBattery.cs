using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rampart.DemoApps.Tests.Support;

/// <summary>
/// The same fixed set of requests against any app, each reduced to one comparable observation. Running it on the
/// secure app and on an app with one flaw shows exactly which behaviours the flaw changed.
/// </summary>
internal static partial class ProbeBattery
{
    public const string Report = "/pages/report";

    public static async Task<SortedDictionary<string, string>> RunAsync(AppClient c)
    {
        var app = c.App;
        var now = TimeProvider.System.GetUtcNow();
        var seen = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var reportQsh = TestQsh.Hash("GET", c.Url(Report));

        seen["report GET no token"] = Status(await c.GetAsync(Report));
        seen["report GET valid"] = Status(await c.GetAsync(Report, c.Token("GET", Report)));
        seen["report GET context token"] = Status(await c.GetAsync(Report, app.CreateContextJwt(app.UserAccountId)));
        seen["report GET alg none"] = Status(await c.GetAsync(
            Report, TestJwt.Unsigned(TestJwt.Claims(app.ClientKey, app.UserAccountId, reportQsh, now.AddHours(3)))));
        seen["report GET alg none, fake iss"] = Status(await c.GetAsync(
            Report, TestJwt.Unsigned(TestJwt.Claims("csrt-fake-token-ignore", null, reportQsh, now.AddHours(3)))));
        seen["report GET alg HS512"] = Status(await c.GetAsync(Report, WithAlg(c.Token("GET", Report), "HS512")));
        seen["report GET forged signature"] = Status(await c.GetAsync(Report, c.Token("GET", Report, secret: "fake-jwt-secret")));
        seen["report GET forged signature, fake iss"] = Status(await c.GetAsync(
            Report, c.Token("GET", Report, iss: "csrt-fake-token-ignore", secret: "fake-jwt-secret")));
        seen["report GET tampered claims"] = Status(await c.GetAsync(
            Report,
            TestJwt.Tamper(c.Token("GET", Report), TestJwt.Claims(app.ClientKey, app.AdminAccountId, reportQsh, now.AddHours(3)))));
        seen["report GET expired"] = Status(await c.GetAsync(Report, c.Token("GET", Report, lifetime: TimeSpan.FromMinutes(-10))));
        seen["report GET wrong qsh"] = Status(await c.GetAsync(Report, c.Token("GET", Report, qsh: TestQsh.Hash("GET", c.Url("/pages/settings")))));
        seen["report GET no qsh"] = Status(await c.GetAsync(
            Report, TestJwt.Hs256(TestJwt.Claims(app.ClientKey, app.UserAccountId, null, now.AddMinutes(3)), app.SharedSecret)));
        seen["report GET other iss, our secret"] = Status(await c.GetAsync(Report, c.Token("GET", Report, iss: Guid.NewGuid().ToString())));
        seen["report GET ?jwt= valid"] = Status(await c.GetAsync(Report + "?jwt=" + c.Token("GET", Report)));
        seen["report GET ?jwt= forged"] = Status(await c.GetAsync(
            Report + "?jwt=" + c.Token("GET", Report, iss: "csrt-fake-token-ignore", secret: "fake-jwt-secret")));
        seen["report POST no token"] = Status(await c.PostAsync(Report));
        seen["report POST valid"] = Status(await c.PostAsync(Report, c.Token("POST", Report)));
        seen["report POST forged signature"] = Status(await c.PostAsync(Report, c.Token("POST", Report, secret: "fake-jwt-secret")));

        var settings = await c.GetAsync("/pages/settings");
        seen["settings GET no token"] = $"{Status(settings)} -> {settings.Header("Location")}";
        seen["install-guide GET no token"] = Status(await c.GetAsync("/install-guide"));
        seen["tools GET user"] = Status(await c.GetAsync("/pages/tools", c.Token("GET", "/pages/tools")));
        foreach (var admin in new[] { "/admin/config", "/admin/configure", "/admin/tools" })
        {
            seen[$"{admin} GET user"] = Status(await c.GetAsync(admin, c.Token("GET", admin)));
            seen[$"{admin} GET admin"] = Status(await c.GetAsync(admin, c.Token("GET", admin, sub: app.AdminAccountId)));
            seen[$"{admin} POST no token"] = Status(await c.PostAsync(admin));
        }

        using (var forger = RSA.Create(2048))
        {
            foreach (var (path, eventType) in new[] { ("/lifecycle/installed", "installed"), ("/lifecycle/uninstalled", "uninstalled") })
            {
                var fakeClientKey = Guid.NewGuid().ToString();
                var body = InstallCallback.Body(app.Options.Key, fakeClientKey, eventType);
                var forged = InstallCallback.Token(c, path, forger, "fake-kid", "csrt-fake-token-ignore", aud: app.DescriptorUrl.ToString());
                seen[$"{eventType} POST forged RS256"] = Status(await c.PostAsync(path, forged, body));
                seen[$"{eventType} POST no token"] = Status(await c.PostAsync(path, null, body));
            }
        }

        foreach (var hook in new[] { "/lifecycle/enabled", "/webhooks/issue-created" })
        {
            seen[$"{hook} POST valid"] = Status(await c.PostAsync(hook, c.Token("POST", hook), "{}"));
            seen[$"{hook} POST no token"] = Status(await c.PostAsync(hook, null, "{}"));
            seen[$"{hook} POST context token"] = Status(await c.PostAsync(hook, app.CreateContextJwt(app.UserAccountId), "{}"));
        }

        var busyNone = await c.GetAsync("/pages/busy");
        seen["busy GET no token"] = $"{Status(busyNone)} retry-after={busyNone.Header("Retry-After") ?? "-"}";
        var busyValid = await c.GetAsync("/pages/busy", c.Token("GET", "/pages/busy"));
        seen["busy GET valid"] = $"{Status(busyValid)} retry-after={busyValid.Header("Retry-After") ?? "-"}";

        var help = await c.GetAsync("/static/help.html");
        var helpWithToken = await c.GetAsync("/static/help.html", c.Token("GET", "/static/help.html"));
        seen["help GET"] = Status(help);
        seen["help identical with token"] = help.BodyBytes.AsSpan().SequenceEqual(helpWithToken.BodyBytes).ToString();
        seen["cached macro GET no token"] = Status(await c.GetAsync("/macro/cached"));
        seen["login GET"] = Status(await c.GetAsync("/login"));

        // Headers by status: every kind of answer must carry them.
        var valid = await c.GetAsync(Report, c.Token("GET", Report));
        seen["headers 200"] = Headers(valid);
        seen["headers 204"] = Headers(await c.PostAsync("/webhooks/issue-created", c.Token("POST", "/webhooks/issue-created"), "{}"));
        seen["headers 302"] = Headers(settings);
        seen["headers 401"] = Headers(await c.GetAsync("/install-guide"));
        seen["headers 403"] = Headers(await c.GetAsync("/admin/config", c.Token("GET", "/admin/config")));
        seen["headers 404"] = Headers(await c.GetAsync("/no-such-page"));
        seen["headers 405"] = Headers(await c.GetAsync("/webhooks/issue-created"));
        seen["meta referrer 200"] = MetaReferrer().Match(valid.Body) is { Success: true } meta ? meta.Groups[1].Value : "(none)";
        seen["cookie 200"] = CookieShape(valid);
        seen["cookie 401"] = CookieShape(await c.GetAsync("/install-guide"));

        var descriptorReply = await c.GetAsync("/atlassian-connect.json");
        var descriptor = JsonNode.Parse(descriptorReply.Body)!.AsObject();
        seen["descriptor signed-install"] = descriptor["apiMigrations"]?["signed-install"]?.ToJsonString() ?? "(absent)";
        seen["descriptor context-qsh"] = descriptor["apiMigrations"]?["context-qsh"]?.ToJsonString() ?? "(absent)";
        seen["descriptor scopes"] = string.Join(',', descriptor["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        seen["descriptor access_token"] = descriptorReply.Body.Contains("access_token=", StringComparison.Ordinal).ToString();
        seen["descriptor AWS key"] = AwsKey().IsMatch(descriptorReply.Body).ToString();
        var disabled = descriptor["lifecycle"]?["disabled"]?.GetValue<string>() ?? "(absent)";
        seen["descriptor disabled"] = app.ExtraHostUrl is { } extra && disabled.StartsWith(extra.ToString(), StringComparison.Ordinal)
            ? "extra host " + disabled[(extra.ToString().Length - 1)..]
            : disabled;
        var baseHost = new Uri(descriptor["baseUrl"]!.GetValue<string>()).Host;
        seen["descriptor baseUrl host"] = baseHost;
        seen["extra host certificate"] = app.ExtraHostUrl is { } host ? await ExtraHostCertificateAsync(host, now) : "-";
        seen["dns"] = app.DnsServer is { } dns ? await DnsAsync(dns, baseHost) : "-";

        var settingsPage = await c.GetAsync("/pages/settings", c.Token("GET", "/pages/settings"));
        var script = await c.GetAsync("/assets/app.js");
        var map = await c.GetAsync("/assets/app.js.map");
        seen["content report inline sharedSecret"] = valid.Body.Contains("sharedSecret: \"KLzdoc", StringComparison.Ordinal).ToString();
        seen["content map GitHub token"] = map.Body.Contains("ghp_", StringComparison.Ordinal).ToString();
        seen["content settings api-token form"] = settingsPage.Body.Contains("name=\"api_token\"", StringComparison.Ordinal).ToString();
        seen["content script Basic auth"] = script.Body.Contains("'Basic ' + btoa(", StringComparison.Ordinal).ToString();
        seen["content script and map served"] = $"{Status(script)} {script.Header("SourceMap")} {Status(map)}";

        var legacyPage = descriptor["modules"]?["generalPages"]?.AsArray().FirstOrDefault(p => p?["key"]?.GetValue<string>() == "legacy-report");
        seen["descriptor legacy-report"] = legacyPage?["url"]?.GetValue<string>() is { } legacyUrl
            ? (new Uri(legacyUrl).Port == app.BaseUrl.Port ? "same port " : "other port ") + new Uri(legacyUrl).AbsolutePath
            : "(absent)";
        seen["legacy host TLS"] = await LegacyHandshake.DescribeAsync(app.LegacyTlsOrigin);
        seen["legacy host report GET valid"] = app.LegacyTlsOrigin is { } legacy
            ? Headers(await c.GetAsync(new Uri(legacy, Report).ToString(), c.Token("GET", Report)))
            : "(none)";
        return seen;
    }

    /// <summary>The extra host's certificate, read without trusting it: its validity on today's date and its DNS names.</summary>
    private static async Task<string> ExtraHostCertificateAsync(Uri host, DateTimeOffset now)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(host.Host, host.Port);
        await using var tls = new System.Net.Security.SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync("localhost");
        using var certificate = new System.Security.Cryptography.X509Certificates.X509Certificate2(tls.RemoteCertificate!);
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        var validity = now > notAfter ? "expired" : notAfter - now < TimeSpan.FromDays(30) ? "expires within 30 days" : "valid";
        var names = certificate.Extensions.OfType<System.Security.Cryptography.X509Certificates.X509SubjectAlternativeNameExtension>()
            .SelectMany(e => e.EnumerateDnsNames());
        return $"{validity} names={string.Join(',', names)}";
    }

    /// <summary>What the app's DNS responder says about the baseUrl host, its zone's name server and that server's name.</summary>
    private static async Task<string> DnsAsync(System.Net.IPEndPoint server, string host)
    {
        var client = new DnsClient.LookupClient(new DnsClient.LookupClientOptions(server) { UseCache = false, ThrowDnsErrors = false, Retries = 0 });
        var address = await client.QueryAsync(host, DnsClient.QueryType.A);
        var zone = host[(host.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var ns = await client.QueryAsync(zone, DnsClient.QueryType.NS);
        var nameServer = ns.Answers.NsRecords().Select(r => r.NSDName.Value.TrimEnd('.')).SingleOrDefault() ?? "-";
        var nameServerAddress = await client.QueryAsync(nameServer, DnsClient.QueryType.A);
        return $"A={string.Join(',', address.Answers.ARecords().Select(a => a.Address))} NS={nameServer} NS-A={nameServerAddress.Header.ResponseCode}";
    }

    private static string Status(Reply reply) => reply.Status.ToString(CultureInfo.InvariantCulture);

    private static string Headers(Reply reply) =>
        $"{Status(reply)} referrer-policy={reply.Header("Referrer-Policy") ?? "-"} cache-control={reply.Header("Cache-Control") ?? "-"} hsts={reply.Header("Strict-Transport-Security") ?? "-"}";

    /// <summary>The session cookie with its random value blanked, so two runs compare equal.</summary>
    private static string CookieShape(Reply reply) =>
        reply.Headers.TryGetValue("Set-Cookie", out var cookies)
            ? string.Join(" | ", cookies.Select(c => CookieValue().Replace(c, "$1=…")))
            : "(none)";

    private static string WithAlg(string token, string alg)
    {
        var parts = token.Split('.');
        var header = TestJwt.Header(token);
        header["alg"] = alg;
        return System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(header.ToJsonString()))
            + "." + parts[1] + "." + parts[2];
    }

    [GeneratedRegex("<meta name=\"referrer\" content=\"([^\"]*)\">")]
    private static partial Regex MetaReferrer();

    [GeneratedRegex("\\bAKIA[A-Z0-9]{16}\\b")]
    private static partial Regex AwsKey();

    [GeneratedRegex("^([^=;]+)=[^;]*")]
    private static partial Regex CookieValue();
}
