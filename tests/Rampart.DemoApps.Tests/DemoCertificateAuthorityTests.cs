using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;

namespace Rampart.DemoApps.Tests;

public sealed class DemoCertificateAuthorityTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_CA_is_an_RSA_2048_root_valid_from_30_days_before_to_90_days_after_its_start()
    {
        using var ca = DemoCertificateAuthority.Create(new FakeTimeProvider(Start));
        var cert = ca.Certificate;

        cert.Subject.ShouldContain("CN=Rampart Demo CA");
        cert.Issuer.ShouldBe(cert.Subject);
        cert.HasPrivateKey.ShouldBeTrue();
        cert.GetRSAPublicKey()!.KeySize.ShouldBe(2048);
        cert.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority.ShouldBeTrue();
        new DateTimeOffset(cert.NotBefore.ToUniversalTime()).ShouldBe(Start.AddDays(-30));
        new DateTimeOffset(cert.NotAfter.ToUniversalTime()).ShouldBe(Start.AddDays(90));
    }

    [Fact]
    public void A_server_certificate_names_its_hosts_and_chains_to_the_CA()
    {
        using var ca = DemoCertificateAuthority.Create(TimeProvider.System);
        using var leaf = ca.IssueServerCertificate("127.0.0.1", "localhost");

        leaf.HasPrivateKey.ShouldBeTrue();
        leaf.MatchesHostname("localhost").ShouldBeTrue();
        leaf.MatchesHostname("127.0.0.1").ShouldBeTrue();
        leaf.MatchesHostname("example.org").ShouldBeFalse();
        var names = leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        names.EnumerateIPAddresses().ShouldBe([IPAddress.Loopback]);
        names.EnumerateDnsNames().ShouldBe(["localhost"]);
        leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages[0].Value.ShouldBe("1.3.6.1.5.5.7.3.1");

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca.Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.Build(leaf).ShouldBeTrue(string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    [Fact]
    public void Another_CA_does_not_vouch_for_the_certificate()
    {
        using var ca = DemoCertificateAuthority.Create(TimeProvider.System);
        using var stranger = DemoCertificateAuthority.Create(TimeProvider.System);
        using var leaf = ca.IssueServerCertificate("localhost");

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(stranger.Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.Build(leaf).ShouldBeFalse();
    }

    [Fact]
    public void The_PEM_file_holds_the_CA_certificate_and_no_key()
    {
        using var ca = DemoCertificateAuthority.Create(TimeProvider.System);
        var path = Path.Combine(Path.GetTempPath(), $"rampart-demo-ca-{Guid.NewGuid():N}.pem");
        try
        {
            ca.WriteCertificatePem(path).ShouldBe(path);
            var text = File.ReadAllText(path);
            text.ShouldStartWith("-----BEGIN CERTIFICATE-----");
            text.ShouldNotContain("PRIVATE KEY");
            using var loaded = X509CertificateLoader.LoadCertificateFromFile(path);
            loaded.Thumbprint.ShouldBe(ca.Certificate.Thumbprint);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
