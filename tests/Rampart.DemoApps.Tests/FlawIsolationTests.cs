using Rampart.DemoApps.Tests.Support;

namespace Rampart.DemoApps.Tests;

/// <summary>
/// Each flaw, switched on alone, changes exactly the observations listed for it and nothing else; with no flaw the
/// app behaves exactly as <see cref="Secure"/> says. Both tables are the specification of the demo apps.
/// </summary>
public sealed class FlawIsolationTests(CertificateAuthorityFixture fixture) : IClassFixture<CertificateAuthorityFixture>
{
    private const string SafeHeaders = "referrer-policy=strict-origin-when-cross-origin cache-control=no-store hsts=max-age=63072000";

    private static readonly string[] HeaderStatuses = ["200", "204", "302", "401", "403", "404", "405"];

    private static readonly SortedDictionary<string, string> Secure = new(StringComparer.Ordinal)
    {
        ["report GET no token"] = "401",
        ["report GET valid"] = "200",
        ["report GET context token"] = "200",
        ["report GET alg none"] = "401",
        ["report GET alg none, fake iss"] = "401",
        ["report GET alg HS512"] = "401",
        ["report GET forged signature"] = "401",
        ["report GET forged signature, fake iss"] = "401",
        ["report GET tampered claims"] = "401",
        ["report GET expired"] = "401",
        ["report GET wrong qsh"] = "401",
        ["report GET no qsh"] = "401",
        ["report GET other iss, our secret"] = "401",
        ["report GET ?jwt= valid"] = "200",
        ["report GET ?jwt= forged"] = "401",
        ["report POST no token"] = "401",
        ["report POST valid"] = "200",
        ["report POST forged signature"] = "401",
        ["settings GET no token"] = "302 -> /login?next=%2Fpages%2Fsettings",
        ["install-guide GET no token"] = "401",
        ["tools GET user"] = "200",
        ["/admin/config GET user"] = "403",
        ["/admin/config GET admin"] = "200",
        ["/admin/config POST no token"] = "401",
        ["/admin/configure GET user"] = "403",
        ["/admin/configure GET admin"] = "200",
        ["/admin/configure POST no token"] = "401",
        ["/admin/tools GET user"] = "403",
        ["/admin/tools GET admin"] = "200",
        ["/admin/tools POST no token"] = "401",
        ["installed POST forged RS256"] = "401",
        ["installed POST no token"] = "401",
        ["uninstalled POST forged RS256"] = "401",
        ["uninstalled POST no token"] = "401",
        ["/lifecycle/enabled POST valid"] = "204",
        ["/lifecycle/enabled POST no token"] = "401",
        ["/lifecycle/enabled POST context token"] = "401",
        ["/webhooks/issue-created POST valid"] = "204",
        ["/webhooks/issue-created POST no token"] = "401",
        ["/webhooks/issue-created POST context token"] = "401",
        ["busy GET no token"] = "401 retry-after=-",
        ["busy GET valid"] = "200 retry-after=-",
        ["help GET"] = "200",
        ["descriptor disabled"] = "/lifecycle/disabled",
        ["descriptor baseUrl host"] = "127.0.0.1",
        ["extra host certificate"] = "-",
        ["dns"] = "-",
        ["content report inline sharedSecret"] = "False",
        ["content map GitHub token"] = "False",
        ["content settings api-token form"] = "False",
        ["content script Basic auth"] = "False",
        ["content script and map served"] = "200 app.js.map 200",
        ["help identical with token"] = "True",
        ["cached macro GET no token"] = "200",
        ["login GET"] = "200",
        ["headers 200"] = "200 " + SafeHeaders,
        ["headers 204"] = "204 " + SafeHeaders,
        ["headers 302"] = "302 " + SafeHeaders,
        ["headers 401"] = "401 " + SafeHeaders,
        ["headers 403"] = "403 " + SafeHeaders,
        ["headers 404"] = "404 " + SafeHeaders,
        ["headers 405"] = "405 " + SafeHeaders,
        ["meta referrer 200"] = "strict-origin-when-cross-origin",
        ["cookie 200"] = "connect.sid=…; Path=/; Secure; HttpOnly; SameSite=None",
        ["cookie 401"] = "(none)",
        ["descriptor signed-install"] = "true",
        ["descriptor context-qsh"] = "true",
        ["descriptor scopes"] = "READ",
        ["descriptor access_token"] = "False",
        ["descriptor AWS key"] = "False",
        ["descriptor legacy-report"] = "(absent)",
        ["legacy host TLS"] = "(none)",
        ["legacy host report GET valid"] = "(none)",
    };

    private static readonly Dictionary<DemoFlaws, Dictionary<string, string>> Changes = new()
    {
        [DemoFlaws.None] = [],
        [DemoFlaws.UnauthenticatedPage] = new()
        {
            ["report GET no token"] = "200",
            ["report POST no token"] = "200",
        },
        [DemoFlaws.AcceptsAlgNone] = new()
        {
            ["report GET alg none"] = "200",
            ["report GET alg none, fake iss"] = "200",
        },
        [DemoFlaws.AcceptsAnySignature] = new()
        {
            ["report GET forged signature"] = "200",
            ["report GET forged signature, fake iss"] = "200",
            ["report GET tampered claims"] = "200",
            ["report GET other iss, our secret"] = "200",
            ["report GET ?jwt= forged"] = "200",
            ["report POST forged signature"] = "200",
        },
        [DemoFlaws.IgnoresExpiry] = new() { ["report GET expired"] = "200" },
        [DemoFlaws.IgnoresQsh] = new()
        {
            ["report GET wrong qsh"] = "200",
            ["report GET no qsh"] = "200",
            ["/lifecycle/enabled POST context token"] = "204",
            ["/webhooks/issue-created POST context token"] = "204",
        },
        [DemoFlaws.IgnoresIssuer] = new() { ["report GET other iss, our secret"] = "200" },
        [DemoFlaws.TrustsQueryToken] = new() { ["report GET ?jwt= forged"] = "200" },
        [DemoFlaws.PostUnauthenticated] = new()
        {
            ["report POST no token"] = "200",
            ["report POST forged signature"] = "200",
            ["/admin/config POST no token"] = "200",
            ["/admin/configure POST no token"] = "200",
            ["/admin/tools POST no token"] = "200",
        },
        [DemoFlaws.ForgedInstallAccepted] = new()
        {
            ["installed POST forged RS256"] = "204",
            ["uninstalled POST forged RS256"] = "204",
        },
        [DemoFlaws.NoSignedInstallOptIn] = new() { ["descriptor signed-install"] = "(absent)" },
        [DemoFlaws.AdminPageServesAnyUser] = new()
        {
            ["/admin/config GET user"] = "200",
            ["/admin/configure GET user"] = "200",
            ["/admin/tools GET user"] = "200",
            ["headers 403"] = "200 " + SafeHeaders,
        },
        [DemoFlaws.MissingReferrerPolicy] = HeaderChanges(
            "referrer-policy=-",
            "cache-control=no-store",
            meta: "(none)"),
        [DemoFlaws.LeakyReferrerPolicy] = HeaderChanges(
            "referrer-policy=strict-origin, unsafe-url",
            "cache-control=no-store",
            meta: "unsafe-url"),
        [DemoFlaws.MissingCacheControl] = HeaderChanges(
            "referrer-policy=strict-origin-when-cross-origin",
            "cache-control=-",
            meta: null),
        [DemoFlaws.InsecureSessionCookie] = new() { ["cookie 200"] = "connect.sid=…; Path=/; SameSite=None" },
        [DemoFlaws.SecretInDescriptor] = new()
        {
            ["descriptor access_token"] = "True",
            ["descriptor AWS key"] = "True",
        },
        [DemoFlaws.ElevatedScopes] = new() { ["descriptor scopes"] = "READ,ADMIN,ACT_AS_USER" },
        [DemoFlaws.RateLimited] = new()
        {
            ["busy GET no token"] = "429 retry-after=120",
            ["busy GET valid"] = "429 retry-after=120",
        },
        [DemoFlaws.MissingHsts] = HeaderChanges(
            "referrer-policy=strict-origin-when-cross-origin",
            "cache-control=no-store",
            meta: null,
            hsts: "hsts=-"),
        [DemoFlaws.ShortHsts] = HeaderChanges(
            "referrer-policy=strict-origin-when-cross-origin",
            "cache-control=no-store",
            meta: null,
            hsts: "hsts=max-age=86400"),
        [DemoFlaws.HstsOnlyOn200] = HeaderStatuses.Where(s => !s.StartsWith('2'))
            .ToDictionary(s => "headers " + s, s => $"{s} referrer-policy=strict-origin-when-cross-origin cache-control=no-store hsts=-"),
        [DemoFlaws.SecretInPage] = new() { ["content report inline sharedSecret"] = "True" },
        [DemoFlaws.SecretInScript] = new() { ["content map GitHub token"] = "True" },
        [DemoFlaws.CollectsApiToken] = new() { ["content settings api-token form"] = "True" },
        [DemoFlaws.BasicAuthInBrowser] = new() { ["content script Basic auth"] = "True" },
        [DemoFlaws.LegacyTls] = new()
        {
            ["descriptor legacy-report"] = "other port /pages/report",
            ["legacy host TLS"] = "TLS1.0=yes TLS1.1=yes TLS1.2=yes CBC=yes 3DES=no",
            ["legacy host report GET valid"] = "200 " + SafeHeaders,
        },
        [DemoFlaws.WeakCiphers] = new()
        {
            ["descriptor legacy-report"] = "other port /pages/report",
            ["legacy host TLS"] = "TLS1.0=no TLS1.1=no TLS1.2=yes CBC=yes 3DES=yes",
            ["legacy host report GET valid"] = "200 " + SafeHeaders,
        },
        [DemoFlaws.ExpiredCertificate] = new()
        {
            ["descriptor disabled"] = "extra host /lifecycle/disabled",
            ["extra host certificate"] = "expired names=localhost",
        },
        [DemoFlaws.WrongHostCertificate] = new()
        {
            ["descriptor disabled"] = "extra host /lifecycle/disabled",
            ["extra host certificate"] = "valid names=wrong-host.rampart-demo.test",
        },
        [DemoFlaws.ExpiringCertificate] = new()
        {
            ["descriptor disabled"] = "extra host /lifecycle/disabled",
            ["extra host certificate"] = "expires within 30 days names=localhost",
        },
        [DemoFlaws.DanglingDelegation] = new()
        {
            ["descriptor baseUrl host"] = "app.flaw-app.rampart-demo.test",
            ["dns"] = "A=127.0.0.1 NS=ns1.lapsed-dns-provider.test NS-A=NotExistentDomain",
        },
    };

    public static TheoryData<DemoFlaws> EachFlaw() => [.. Changes.Keys];

    [Fact]
    public void Every_flaw_has_its_expected_changes_written_down()
    {
        var defined = Enum.GetValues<DemoFlaws>();
        Changes.Keys.Order().ShouldBe(defined.Order());
    }

    [Theory]
    [MemberData(nameof(EachFlaw))]
    public async Task A_single_flaw_changes_exactly_its_own_behaviour(DemoFlaws flaw)
    {
        await using var app = await DemoApp.StartAsync(
            new DemoAppOptions("flaw-app", "Flaw App", flaw), fixture.Ca, TimeProvider.System, CancellationToken.None);
        using var http = DemoHttp.CreateClient(fixture.Ca.Certificate);

        var observed = await ProbeBattery.RunAsync(new AppClient(app, http));

        var expected = new SortedDictionary<string, string>(Secure, StringComparer.Ordinal);
        foreach (var (probe, value) in Changes[flaw])
        {
            expected.ContainsKey(probe).ShouldBeTrue($"'{probe}' is not a probe of the battery");
            expected[probe] = value;
        }

        var differences = expected.Keys.Union(observed.Keys)
            .Where(k => expected.GetValueOrDefault(k) != observed.GetValueOrDefault(k))
            .Select(k => $"{k}: expected '{expected.GetValueOrDefault(k)}' but saw '{observed.GetValueOrDefault(k)}'")
            .ToList();
        differences.ShouldBeEmpty($"{flaw} changed other behaviour than its own");
    }

    private static Dictionary<string, string> HeaderChanges(string referrer, string cache, string? meta, string hsts = "hsts=max-age=63072000")
    {
        var changes = HeaderStatuses.ToDictionary(s => "headers " + s, s => $"{s} {referrer} {cache} {hsts}");
        if (meta is not null)
        {
            changes["meta referrer 200"] = meta;
        }

        return changes;
    }
}
