using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rampart.Scanning.Tests.Tls;

/// <summary>A self-signed RSA certificate and key as PEM files, made once per test class (RSA generation is slow).</summary>
public sealed class TestCertificate : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("rampart-tls-").FullName;

    public TestCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(30), DateTimeOffset.UnixEpoch.AddYears(100));
        CertPath = Path.Combine(directory, "cert.pem");
        KeyPath = Path.Combine(directory, "key.pem");
        File.WriteAllText(CertPath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public string CertPath { get; }

    public string KeyPath { get; }

    public void Dispose() => Directory.Delete(directory, true);
}
