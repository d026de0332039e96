using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using Rampart.DemoApps.Tls;
using Rampart.Scanning.Tests.Support;
using Rampart.Scanning.Tls;
using Suites = Rampart.DemoApps.Tls.LegacyTlsSuites;

namespace Rampart.Scanning.Tests.Tls;

/// <summary>
/// The prober against BouncyCastle servers serving what OpenSSL 3 cannot (TLS 1.0/1.1 with 3DES): the versions and
/// the exact suite list per version must equal what the server was configured with.
/// </summary>
public sealed class LegacyTlsServerTests(TestCertificate certificate) : IClassFixture<TestCertificate>
{
    [Fact]
    public async Task Versions_and_suites_per_version_equal_the_configuration()
    {
        var options = LegacyTlsOptions.LegacyWithWeakCiphers;
        await using var server = Start(certificate, options);

        var assessment = await TlsProberTests.Prober().AssessAsync(server.Origin, TestTimeout.Token);

        assessment.Error.ShouldBeNull();
        assessment.Accepted.ShouldBe([TlsVersion.Tls10, TlsVersion.Tls11, TlsVersion.Tls12]);
        foreach (var version in assessment.Versions.Where(v => v.Status == ProbeStatus.Accepted))
        {
            version.EnumerationError.ShouldBeNull(version.Version.ToString());
            version.Suites.Select(s => s.Code).Order().ToArray().ShouldBe(ExpectedSuites(options, version.Version), version.Version.ToString());
        }

        assessment.Versions.Where(v => v.Version is TlsVersion.Ssl2 or TlsVersion.Ssl3 or TlsVersion.Tls13)
            .ShouldAllBe(v => v.Status == ProbeStatus.Rejected);
    }

    [Fact]
    public async Task A_tls10_only_3des_only_server_is_seen_as_exactly_that()
    {
        await using var server = Start(certificate, new LegacyTlsOptions([LegacyTlsVersion.Tls10], [Suites.Rsa3DesEdeCbcSha]));

        var assessment = await TlsProberTests.Prober().AssessAsync(server.Origin, TestTimeout.Token);

        assessment.Accepted.ShouldBe([TlsVersion.Tls10]);
        assessment.Versions.Single(v => v.Version == TlsVersion.Tls10).Suites.Select(s => s.Name)
            .ShouldBe(["TLS_RSA_WITH_3DES_EDE_CBC_SHA"]);
    }

    [Fact]
    public async Task A_tls11_only_server_is_not_taken_for_tls10_or_tls12()
    {
        await using var server = Start(certificate, new LegacyTlsOptions([LegacyTlsVersion.Tls11],
            [Suites.EcdheRsaAes256CbcSha, Suites.RsaAes128CbcSha]));

        var assessment = await TlsProberTests.Prober().AssessAsync(server.Origin, TestTimeout.Token);

        assessment.Accepted.ShouldBe([TlsVersion.Tls11]);
        var tls11 = assessment.Versions.Single(v => v.Version == TlsVersion.Tls11);
        tls11.Suites.Select(s => s.Code).Order().ShouldBe(new ushort[] { Suites.RsaAes128CbcSha, Suites.EcdheRsaAes256CbcSha });
        tls11.Groups.ShouldContain("x25519");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Server_preference_follows_the_configuration(bool preferServerOrder)
    {
        await using var server = Start(certificate, new LegacyTlsOptions([LegacyTlsVersion.Tls12],
            [Suites.EcdheRsaAes128GcmSha256, Suites.EcdheRsaAes128CbcSha, Suites.Rsa3DesEdeCbcSha], preferServerOrder));

        var assessment = await TlsProberTests.Prober().AssessAsync(server.Origin, TestTimeout.Token);

        assessment.Versions.Single(v => v.Version == TlsVersion.Tls12).ServerPreference.ShouldBe(preferServerOrder);
    }

    [Fact]
    public async Task A_modern_client_gets_the_http_page_over_tls12()
    {
        await using var server = Start(certificate, LegacyTlsOptions.LegacyWithWeakCiphers);
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == server.CertificateHash;
        using var client = new HttpClient(handler);

        using var response = await client.GetAsync(server.Origin, TestTimeout.Token);

        response.IsSuccessStatusCode.ShouldBeTrue();
        response.Headers.GetValues("Strict-Transport-Security").ShouldBe(["max-age=31536000"]);
        (await response.Content.ReadAsStringAsync(TestTimeout.Token)).ShouldBe(MinimalHttpResponder.Body);
        server.Server.CompletedHandshakes.ShouldBe(1);
    }

    /// <summary>The suites a version can carry: GCM and SHA-256 suites only from TLS 1.2 on.</summary>
    internal static ushort[] ExpectedSuites(LegacyTlsOptions options, TlsVersion version) =>
        options.CipherSuites.Where(s => version == TlsVersion.Tls12 || Suites.AllowedBeforeTls12(s)).Order().ToArray();

    internal static StartedLegacyServer Start(TestCertificate certificate, LegacyTlsOptions options)
    {
        var pem = X509Certificate2.CreateFromPemFile(certificate.CertPath, certificate.KeyPath);
        return new StartedLegacyServer(new LegacyTlsServer(pem, options), pem);
    }
}

/// <summary>A started legacy server and the certificate it serves (disposed with it).</summary>
internal sealed class StartedLegacyServer(LegacyTlsServer server, X509Certificate2 certificate) : IAsyncDisposable
{
    public LegacyTlsServer Server => server;

    public Uri Origin => server.Origin;

    public int Port => server.Port;

    public string CertificateHash => certificate.GetCertHashString();

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        certificate.Dispose();
    }
}
