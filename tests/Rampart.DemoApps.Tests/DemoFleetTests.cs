using System.Text.Json.Nodes;
using Rampart.DemoApps.Tests.Support;

namespace Rampart.DemoApps.Tests;

public sealed class DemoFleetTests(CertificateAuthorityFixture fixture) : IClassFixture<CertificateAuthorityFixture>
{
    [Fact]
    public void The_standard_fleet_is_the_documented_set_of_apps()
    {
        DemoFleet.Standard.Select(o => (o.Key, o.Flaws)).ShouldBe(
        [
            ("secure-app", DemoFlaws.None),
            ("leaky-app", DemoFlaws.UnauthenticatedPage | DemoFlaws.MissingReferrerPolicy | DemoFlaws.MissingCacheControl
                | DemoFlaws.InsecureSessionCookie | DemoFlaws.SecretInDescriptor | DemoFlaws.ElevatedScopes | DemoFlaws.NoSignedInstallOptIn
                | DemoFlaws.MissingHsts),
            ("forgeable-app", DemoFlaws.AcceptsAlgNone | DemoFlaws.AcceptsAnySignature | DemoFlaws.TrustsQueryToken | DemoFlaws.PostUnauthenticated),
            ("lenient-jwt-app", DemoFlaws.IgnoresExpiry | DemoFlaws.IgnoresQsh | DemoFlaws.IgnoresIssuer),
            ("open-install-app", DemoFlaws.ForgedInstallAccepted),
            ("broken-authz-app", DemoFlaws.AdminPageServesAnyUser | DemoFlaws.LeakyReferrerPolicy),
            ("busy-app", DemoFlaws.RateLimited),
            ("weak-hsts-app", DemoFlaws.ShortHsts | DemoFlaws.HstsOnlyOn200),
            ("static-site", DemoFlaws.None),
            ("secret-page-app", DemoFlaws.SecretInPage | DemoFlaws.SecretInScript),
            ("token-collector-app", DemoFlaws.CollectsApiToken | DemoFlaws.BasicAuthInBrowser),
            ("legacy-tls-app", DemoFlaws.LegacyTls | DemoFlaws.WeakCiphers),
            ("expired-cert-app", DemoFlaws.ExpiredCertificate),
            ("wrong-host-cert-app", DemoFlaws.WrongHostCertificate),
            ("expiring-cert-app", DemoFlaws.ExpiringCertificate),
            ("dangling-dns-app", DemoFlaws.DanglingDelegation),
        ]);
        DemoFleet.Standard.ShouldAllBe(o => o.ExtraPages == 0);
        DemoFleet.Standard.Where(o => o.StaticOnly).Select(o => (o.Key, o.AuthenticationType)).ShouldBe([("static-site", "none")]);
        DemoFleet.Standard.Where(o => !o.StaticOnly).ShouldAllBe(o => o.AuthenticationType == "jwt");
    }

    [Fact]
    public async Task The_whole_fleet_runs_side_by_side_on_distinct_ports()
    {
        var apps = await Task.WhenAll(DemoFleet.Standard.Select(o =>
            DemoApp.StartAsync(o, fixture.Ca, TimeProvider.System, CancellationToken.None)));
        try
        {
            using var http = DemoHttp.CreateClient(fixture.Ca.Certificate);
            apps.Select(a => a.BaseUrl.Port).Distinct().Count().ShouldBe(apps.Length);
            foreach (var app in apps)
            {
                var descriptor = JsonNode.Parse(await http.GetStringAsync(app.DescriptorUrl))!;
                descriptor["key"]!.GetValue<string>().ShouldBe(app.Options.Key);
                descriptor["name"]!.GetValue<string>().ShouldBe(app.Options.Name);
                descriptor["authentication"]!["type"]!.GetValue<string>().ShouldBe(app.Options.AuthenticationType);
            }
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_stopped_app_no_longer_answers()
    {
        var app = await DemoApp.StartAsync(DemoFleet.Standard[0], fixture.Ca, TimeProvider.System, CancellationToken.None);
        var url = app.DescriptorUrl;
        await app.DisposeAsync();
        await app.DisposeAsync();

        using var http = DemoHttp.CreateClient(fixture.Ca.Certificate);
        await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync(url));
    }

    [Fact]
    public async Task Options_that_no_descriptor_could_carry_are_refused()
    {
        await Should.ThrowAsync<ArgumentException>(() =>
            DemoApp.StartAsync(new DemoAppOptions("k", "n", AuthenticationType: "basic"), fixture.Ca, TimeProvider.System, CancellationToken.None));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() =>
            DemoApp.StartAsync(new DemoAppOptions("k", "n", ExtraPages: -1), fixture.Ca, TimeProvider.System, CancellationToken.None));
    }
}
