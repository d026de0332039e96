using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rampart.DemoApps;

/// <summary>
/// A throw-away certificate authority so the demo apps speak real, verifiable HTTPS: a scanner trusts this CA
/// (<c>--trust-ca</c>) and gets a fully validated chain, exactly as it would against a vendor's public host.
/// </summary>
public sealed class DemoCertificateAuthority : IDisposable
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    private readonly DateTimeOffset notBefore;
    private readonly DateTimeOffset notAfter;
    private bool disposed;

    private DemoCertificateAuthority(X509Certificate2 certificate, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        Certificate = certificate;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
    }

    /// <summary>Start of the CA's validity (whole seconds).</summary>
    public DateTimeOffset NotBefore => notBefore;

    /// <summary>The CA certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>
    /// Creates an RSA-2048 CA "Rampart Demo CA" valid from 30 days before to 90 days after <paramref name="time"/>: long
    /// enough that only a deliberately short-lived leaf is within the 30-day expiry warning, and early enough to issue
    /// a leaf that has already expired.
    /// </summary>
    public static DemoCertificateAuthority Create(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);

        // X.509 stores whole seconds; truncating keeps every issued leaf inside the CA's window after encoding.
        var now = time.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var from = now.AddDays(-30);
        var until = now.AddDays(90);

        using var key = RSA.Create(2048);
        var request = new CertificateRequest(
            new X500DistinguishedName("CN=Rampart Demo CA, O=Rampart"),
            key,
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));

        return new DemoCertificateAuthority(request.CreateSelfSigned(from, until), from, until);
    }

    /// <summary>
    /// Issues a TLS server certificate for the given DNS names and IP addresses (subject alternative names), valid
    /// for the CA's whole lifetime, with a private key Kestrel can use.
    /// </summary>
    public X509Certificate2 IssueServerCertificate(params string[] namesOrIps) => IssueServerCertificate(notBefore, notAfter, namesOrIps);

    /// <summary>As <see cref="IssueServerCertificate(string[])"/> with chosen dates, inside the CA's own lifetime.</summary>
    public X509Certificate2 IssueServerCertificate(DateTimeOffset validFrom, DateTimeOffset validUntil, params string[] namesOrIps)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (validFrom < notBefore || validUntil > notAfter || validFrom >= validUntil)
        {
            throw new ArgumentOutOfRangeException(nameof(validFrom), "The validity must lie inside the CA's and not be empty.");
        }

        ArgumentNullException.ThrowIfNull(namesOrIps);
        if (namesOrIps.Length == 0 || namesOrIps.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("At least one non-empty DNS name or IP address is required.", nameof(namesOrIps));
        }

        using var key = RSA.Create(2048);
        var request = new CertificateRequest(
            new X500DistinguishedName($"CN={namesOrIps[0]}"),
            key,
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);

        var names = new SubjectAlternativeNameBuilder();
        foreach (var entry in namesOrIps)
        {
            if (IPAddress.TryParse(entry, out var address))
            {
                names.AddIpAddress(address);
            }
            else
            {
                names.AddDnsName(entry);
            }
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive serial number, as RFC 5280 requires

        using var issued = request.Create(Certificate, validFrom, validUntil, serial);
        using var withKey = issued.CopyWithPrivateKey(key);

        // A PKCS#12 round trip gives a key that TLS stacks accept on every platform, not only an ephemeral one.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Writes the CA certificate (no key) as PEM, for a client's trust store; returns <paramref name="path"/>.</summary>
    public string WriteCertificatePem(string path)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllText(path, Certificate.ExportCertificatePem() + "\n");
        return path;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        Certificate.Dispose();
    }
}
