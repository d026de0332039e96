using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Rampart.Bench;

/// <summary>
/// The baseline: CSRT's way of probing (csrt-fsrt.md §1.3, §1.6.1) — one request at a time, a new connection per
/// request (<c>Connection: close</c>), up to six requests per endpoint (GET and POST, each with no token, an HS256
/// token and an alg:none token).
/// </summary>
internal sealed class SequentialCloseClient : IDisposable
{
    private readonly HttpClient client;

    public SequentialCloseClient(X509Certificate2 trustedCa)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = true, UseCookies = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(trustedCa);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return certificate is not null && chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
        client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task<int> ProbeAsync(IEnumerable<Uri> endpoints, string hs256, string none, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var url in endpoints)
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                foreach (var token in new[] { null, hs256, none })
                {
                    using var request = new HttpRequestMessage(method, url);
                    request.Headers.ConnectionClose = true;
                    if (token is not null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("JWT", token);
                    }

                    using var response = await client.SendAsync(request, cancellationToken);
                    await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    sent++;
                }
            }
        }

        return sent;
    }

    public void Dispose() => client.Dispose();
}
