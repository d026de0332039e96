using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Rampart.Scanning.Checks.Certificates;
using Rampart.Scanning.Http;

namespace Rampart.Scanning.Tests.Certificates;

/// <summary>Certificates generated in the test, served by a real TLS listener, captured and judged as a scan does.</summary>
public sealed class CertificateCheckTests : IDisposable
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();
    private readonly RSA caKey = RSA.Create(2048);
    private readonly X509Certificate2 ca;
    private readonly string caFile = Path.Combine(Path.GetTempPath(), $"rampart-cert-test-{Guid.NewGuid():N}.pem");

    public CertificateCheckTests()
    {
        var request = new CertificateRequest("CN=Rampart Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        ca = request.CreateSelfSigned(Now.AddDays(-400), Now.AddYears(5));
        File.WriteAllText(caFile, ca.ExportCertificatePem());
    }

    [Fact]
    public async Task A_good_certificate_from_a_trusted_ca_passes()
    {
        var judgement = await JudgeAsync(Leaf("localhost"));

        judgement.Failures.ShouldBeEmpty();
        judgement.Advisories.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_expired_certificate_fails() =>
        (await JudgeAsync(Leaf("localhost", notBefore: Now.AddDays(-60), notAfter: Now.AddDays(-1)))).Failures.ShouldHaveSingleItem().ShouldContain("expired on");

    [Fact]
    public async Task A_certificate_expiring_within_30_days_is_advisory()
    {
        var judgement = await JudgeAsync(Leaf("localhost", notAfter: Now.AddDays(10)));

        judgement.Failures.ShouldBeEmpty();
        judgement.Advisories.ShouldHaveSingleItem().ShouldContain("expires on");
    }

    [Fact]
    public async Task A_certificate_for_another_host_fails() =>
        (await JudgeAsync(Leaf("other.example"))).Failures.ShouldHaveSingleItem().ShouldContain("does not name localhost");

    [Fact]
    public async Task A_certificate_without_san_fails() =>
        (await JudgeAsync(Leaf(null))).Failures.ShouldHaveSingleItem().ShouldContain("no subjectAltName");

    [Fact]
    public async Task A_self_signed_certificate_is_not_trusted()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(San("localhost"));
        using var selfSigned = request.CreateSelfSigned(Now.AddDays(-1), Now.AddYears(1));

        (await JudgeAsync(selfSigned)).Failures.ShouldHaveSingleItem().ShouldContain("not trusted");
    }

    [Fact]
    public async Task A_certificate_from_an_untrusted_ca_fails_without_trust_ca()
    {
        var judgement = await JudgeAsync(Leaf("localhost"), trustCa: false);

        judgement.Failures.ShouldHaveSingleItem().ShouldContain("not trusted");
    }

    /// <summary>OpenSSL 3 refuses to serve a 1024-bit key at its default security level; the test server runs at level 0.</summary>
    [Fact]
    public async Task A_1024_bit_rsa_key_served_by_a_real_server_fails()
    {
        using var authority = new TestCertificateAuthority(Now);
        var judgement = await JudgeServedAsync(authority, authority.Issue(["localhost"], rsaBits: 1024));

        judgement.Failures.ShouldHaveSingleItem().ShouldContain("1024 bits");
    }

    /// <summary>.NET cannot make a SHA-1-signed certificate; BouncyCastle makes it, OpenSSL at security level 0 serves it.</summary>
    [Fact]
    public async Task A_sha1_signature_fails()
    {
        using var authority = new TestCertificateAuthority(Now);
        var judgement = await JudgeServedAsync(authority, authority.IssueSha1("localhost"));

        judgement.Failures.ShouldHaveSingleItem().ShouldBe("signed with sha1RSA, a broken hash");
    }

    [Theory]
    [InlineData("*.example.com", "a.example.com", true)]
    [InlineData("*.example.com", "a.b.example.com", false)]
    [InlineData("*.example.com", "example.com", false)]
    [InlineData("*.com", "example.com", false)]
    [InlineData("a*.example.com", "ab.example.com", false)]
    [InlineData("EXAMPLE.com", "example.COM", true)]
    public void Wildcards_cover_exactly_one_left_most_label(string pattern, string host, bool matches) =>
        CertificateRules.Matches(pattern, host).ShouldBe(matches);

    public void Dispose()
    {
        File.Delete(caFile);
        ca.Dispose();
        caKey.Dispose();
    }

    private async Task<CertificateJudgement> JudgeAsync(X509Certificate2 served, bool trustCa = true)
    {
        await using var server = new TlsTestServer(served);
        var captured = await CertificateFetcher.FetchAsync(server.Origin(), new AddressPolicy(true), null, TimeSpan.FromSeconds(10), CancellationToken.None);
        var leaf = captured.Leaf.ShouldNotBeNull(captured.Error);
        leaf.Thumbprint.ShouldBe(served.Thumbprint);
        var trust = trustCa ? CertificateTrust.FromPemFiles([caFile]) : new CertificateTrust([]);
        return CertificateRules.Judge(leaf, captured.Presented, "localhost", trust, Now);
    }

    private static async Task<CertificateJudgement> JudgeServedAsync(TestCertificateAuthority authority, X509Certificate2 served)
    {
        using (served)
        {
            var pem = authority.WritePem(Path.Combine(Path.GetTempPath(), $"rampart-cert-test-{Guid.NewGuid():N}.pem"));
            try
            {
                await using var server = await OpenSslCertificateServer.StartAsync(served);
                var captured = await CertificateFetcher.FetchAsync(server.Origin("127.0.0.1"), new AddressPolicy(true), null, TimeSpan.FromSeconds(10), CancellationToken.None);
                var leaf = captured.Leaf.ShouldNotBeNull(captured.Error);
                leaf.Thumbprint.ShouldBe(served.Thumbprint);
                return CertificateRules.Judge(leaf, captured.Presented, "localhost", CertificateTrust.FromPemFiles([pem]), Now);
            }
            finally
            {
                File.Delete(pem);
            }
        }
    }

    private X509Certificate2 Leaf(string? dnsName, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null,
        int keyBits = 2048, HashAlgorithmName? hash = null)
    {
        using var key = RSA.Create(keyBits);
        var request = new CertificateRequest($"CN={dnsName ?? "localhost"}", key, hash ?? HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (dnsName is not null)
        {
            request.CertificateExtensions.Add(San(dnsName));
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = request.Create(ca, notBefore ?? Now.AddDays(-1), notAfter ?? Now.AddDays(200), Guid.NewGuid().ToByteArray());
        // The server needs the private key with the certificate; PFX round-trip so SslStream on Linux can use it.
        using var withKey = signed.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }

    private static X509Extension San(string name)
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(name);
        return san.Build();
    }
}
