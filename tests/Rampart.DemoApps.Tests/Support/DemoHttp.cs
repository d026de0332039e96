using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Rampart.DemoApps.Tests.Support;

/// <summary>A real HTTPS client that trusts the demo CA and nothing else, and checks the host name.</summary>
internal static class DemoHttp
{
    public static HttpClient CreateClient(X509Certificate2 trustedRoot)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(trustedRoot, certificate, errors),
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    private static bool IsTrusted(X509Certificate2 trustedRoot, X509Certificate? presented, SslPolicyErrors errors)
    {
        // Chain errors are expected (the CA is in no system store); a wrong name or no certificate is not.
        if (presented is not X509Certificate2 leaf
            || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
            || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trustedRoot);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }
}
