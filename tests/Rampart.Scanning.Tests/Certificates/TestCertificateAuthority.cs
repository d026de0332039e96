using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Rampart.Scanning.Tests.Certificates;

/// <summary>
/// A CA made in the test and the server certificates it issues, good and deliberately bad. .NET's
/// <c>CertificateRequest</c> makes every certificate except SHA-1-signed ones, which it refuses; BouncyCastle makes those.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    private readonly RSA key = RSA.Create(2048);

    public TestCertificateAuthority(DateTimeOffset now)
    {
        Now = now;
        var request = new CertificateRequest("CN=Rampart Test CA, O=Rampart Tests", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Certificate = request.CreateSelfSigned(now.AddDays(-400), now.AddYears(5));
    }

    public DateTimeOffset Now { get; }

    public X509Certificate2 Certificate { get; }

    /// <summary>The CA as a PEM file for <c>--trust-ca</c>.</summary>
    public string WritePem(string path)
    {
        File.WriteAllText(path, Certificate.ExportCertificatePem());
        return path;
    }

    /// <summary>A server certificate (with its key) naming <paramref name="names"/> in the SAN; none gives a certificate without SAN.</summary>
    public X509Certificate2 Issue(string[] names, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null,
        int rsaBits = 2048, bool ecP256 = false, bool selfSigned = false)
    {
        using var rsa = ecP256 ? null : RSA.Create(rsaBits);
        using var ec = ecP256 ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : null;
        var subject = $"CN={(names.Length > 0 ? names[0] : "no-san.test")}";
        var request = ec is not null
            ? new CertificateRequest(subject, ec, HashAlgorithmName.SHA256)
            : new CertificateRequest(subject, rsa!, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (names.Length > 0)
        {
            request.CertificateExtensions.Add(San(names));
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthOid)], false));
        var from = notBefore ?? Now.AddDays(-1);
        var until = notAfter ?? Now.AddDays(200);
        using var signed = selfSigned
            ? request.CreateSelfSigned(from, until)
            : request.Create(Certificate.SubjectName, X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1), from, until,
                RandomNumberGenerator.GetBytes(16));
        using var withKey = selfSigned ? null : ec is not null ? signed.CopyWithPrivateKey(ec) : signed.CopyWithPrivateKey(rsa!);
        // A PKCS#12 round trip keeps the key usable by every TLS stack and exportable as PEM.
        return X509CertificateLoader.LoadPkcs12((withKey ?? signed).Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable);
    }

    /// <summary>An RSA-2048 server certificate for <paramref name="name"/> that this CA signs with SHA-1 (made with BouncyCastle).</summary>
    public X509Certificate2 IssueSha1(string name)
    {
        using var leafKey = RSA.Create(2048);
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new Org.BouncyCastle.Math.BigInteger(1, RandomNumberGenerator.GetBytes(16)));
        generator.SetIssuerDN(X509Name.GetInstance(Certificate.SubjectName.RawData));
        generator.SetSubjectDN(new X509Name($"CN={name}"));
        generator.SetNotBefore(Now.AddDays(-1).UtcDateTime);
        generator.SetNotAfter(Now.AddDays(200).UtcDateTime);
        generator.SetPublicKey(DotNetUtilities.GetRsaPublicKey(leafKey));
        generator.AddExtension(X509Extensions.SubjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.DnsName, name)));
        generator.AddExtension(X509Extensions.ExtendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeID.id_kp_serverAuth));
        var signer = new Asn1SignatureFactory("SHA1WITHRSA", DotNetUtilities.GetRsaKeyPair(key).Private);
        using var issued = X509CertificateLoader.LoadCertificate(generator.Generate(signer).GetEncoded());
        using var withKey = issued.CopyWithPrivateKey(leafKey);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        key.Dispose();
    }

    private static System.Security.Cryptography.X509Certificates.X509Extension San(string[] names)
    {
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name, out var address))
            {
                san.AddIpAddress(address);
            }
            else
            {
                san.AddDnsName(name);
            }
        }

        return san.Build();
    }
}
