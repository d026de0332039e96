using Microsoft.Extensions.Time.Testing;
using Rampart.Scanning.Http;
using Rampart.Scanning.Tests.Support;
using Rampart.Scanning.Tls;

namespace Rampart.Scanning.Tests.Tls;

public sealed class TlsProberTests(TestCertificate certificate) : IClassFixture<TestCertificate>
{
    internal static TlsProber Prober() =>
        new(new AddressPolicy(allowPrivateNetwork: true), new TlsProberOptions { ProbeTimeout = TimeSpan.FromSeconds(5) }, TimeProvider.System);

    [Fact]
    public async Task Tls12_only_server_accepts_only_tls12_with_the_configured_suites()
    {
        await using var server = await OpenSslServer.StartAsync(certificate, "-tls1_2",
            "-cipher", "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-SHA384:AES128-SHA");

        var assessment = await Prober().AssessAsync(server.Origin, TestTimeout.Token);

        assessment.Error.ShouldBeNull();
        assessment.Accepted.ShouldBe([TlsVersion.Tls12]);
        var tls12 = assessment.Versions.Single(v => v.Version == TlsVersion.Tls12);
        tls12.Suites.Select(s => s.Code).Order().ShouldBe(new ushort[] { 0x002F, 0xC028, 0xC02F }.Order());
        tls12.EnumerationError.ShouldBeNull();
        tls12.Groups.ShouldContain("x25519");
        assessment.ProbesSent.ShouldBeGreaterThan(6);
    }

    [Fact]
    public async Task Tls13_only_server_accepts_only_tls13_and_reports_its_suites_and_groups()
    {
        await using var server = await OpenSslServer.StartAsync(certificate, "-tls1_3",
            "-ciphersuites", "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256", "-groups", "secp384r1:x25519");

        var assessment = await Prober().AssessAsync(server.Origin, TestTimeout.Token);

        assessment.Accepted.ShouldBe([TlsVersion.Tls13]);
        var tls13 = assessment.Versions.Single(v => v.Version == TlsVersion.Tls13);
        tls13.Suites.Select(s => s.Name).Order().ShouldBe(["TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"]);
        tls13.Groups.Order().ShouldBe(["secp384r1", "x25519"]);
    }

    [Fact]
    public async Task Legacy_server_accepts_tls10_and_tls11()
    {
        await using var server = await OpenSslServer.StartAsync(certificate, "-no_tls1_3",
            "-cipher", "ECDHE-RSA-AES128-SHA:AES256-SHA:@SECLEVEL=0");

        var assessment = await Prober().AssessAsync(server.Origin, TestTimeout.Token);

        assessment.Accepted.ShouldBe([TlsVersion.Tls10, TlsVersion.Tls11, TlsVersion.Tls12]);
        assessment.Versions.Single(v => v.Version == TlsVersion.Tls10).Suites.Select(s => s.Code).Order()
            .ShouldBe(new ushort[] { 0x0035, 0xC013 }.Order());
    }

    [Fact]
    public async Task Server_preference_is_detected_both_ways()
    {
        const string suites = "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256";
        await using var client = await OpenSslServer.StartAsync(certificate, "-tls1_2", "-cipher", suites);
        await using var server = await OpenSslServer.StartAsync(certificate, "-tls1_2", "-cipher", suites, "-serverpref");

        var clientOrder = await Prober().AssessAsync(client.Origin, TestTimeout.Token);
        var serverOrder = await Prober().AssessAsync(server.Origin, TestTimeout.Token);

        clientOrder.Versions.Single(v => v.Version == TlsVersion.Tls12).ServerPreference.ShouldBe(false);
        serverOrder.Versions.Single(v => v.Version == TlsVersion.Tls12).ServerPreference.ShouldBe(true);
    }

    [Fact]
    public async Task Refused_address_is_never_connected()
    {
        var prober = new TlsProber(new AddressPolicy(allowPrivateNetwork: false), new TlsProberOptions(), new FakeTimeProvider());

        var assessment = await prober.AssessAsync(new Uri("https://127.0.0.1:1/"), TestTimeout.Token);

        assessment.Error.ShouldNotBeNull().ShouldContain("non-public");
        assessment.ProbesSent.ShouldBe(0);
    }
}
