using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Rampart.DemoApps;

namespace Rampart.Scanning.Tests.Support;

/// <summary>A plain HttpClient that trusts only the demo CA, for looking at demo apps directly in tests.</summary>
public static class DemoHttp
{
    public static HttpClient Client(DemoCertificateAuthority authority)
    {
        var handler = new SocketsHttpHandler { UseCookies = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority.Certificate);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
        return new HttpClient(handler);
    }
}
