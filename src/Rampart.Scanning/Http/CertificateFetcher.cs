using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Rampart.Scanning.Http;

/// <summary>
/// A dedicated TLS handshake that captures the server's certificate without trusting it. The scan's
/// <see cref="ProbeClient"/> refuses an untrusted certificate (and the scan then reports the target unreachable), so
/// the certificate check could never say <em>why</em> an extra host's certificate is bad; this handshake accepts any
/// certificate, sends no application data, and leaves judging to <see cref="CertificateTrust"/>. The address policy
/// is applied to the very address connected to, as the ProbeClient does.
/// </summary>
public static class CertificateFetcher
{
    /// <param name="resolve">The scan's resolver (<c>--dns-server</c>); null means the system's.</param>
    public static async Task<CapturedCertificate> FetchAsync(Uri origin, AddressPolicy policy,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolve, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            // The same resolve-and-filter step as every other connection of the scan; the socket connects to the
            // address that passed the policy, never to the name.
            IReadOnlyList<IPAddress> allowed;
            try
            {
                allowed = await policy.AllowedAddressesAsync(origin.IdnHost, resolve, deadline.Token);
            }
            catch (BlockedAddressException e)
            {
                return Failed(e.Message);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain)
            {
                return Failed($"{origin.Host} does not resolve ({e.Message})");
            }

            using var socket = await AddressPolicy.ConnectFirstAsync(allowed, origin.Port, deadline.Token);
            X509Certificate2? leaf = null;
            var presented = new List<X509Certificate2>();
            await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = origin.IdnHost,
                EnabledSslProtocols = SslProtocols.None,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                // Capture, never trust: the handshake's only purpose is to read what the server presents.
                RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
                {
                    if (certificate is not null)
                    {
                        leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                    }

                    foreach (var extra in chain?.ChainPolicy.ExtraStore ?? [])
                    {
                        presented.Add(X509CertificateLoader.LoadCertificate(extra.RawData));
                    }

                    return true;
                },
            }, deadline.Token);
            return leaf is null ? Failed($"{origin.Authority} presented no certificate") : new CapturedCertificate(leaf, presented, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed($"no TLS handshake with {origin.Authority} within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is SocketException or IOException or AuthenticationException)
        {
            return Failed($"TLS handshake with {origin.Authority} failed: {e.Message}");
        }
    }

    private static CapturedCertificate Failed(string reason) => new(null, [], reason);
}
