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
    public static async Task<CapturedCertificate> FetchAsync(Uri origin, AddressPolicy policy, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var addresses = IPAddress.TryParse(origin.IdnHost.Trim('[', ']'), out var literal)
                ? [literal]
                : await System.Net.Dns.GetHostAddressesAsync(origin.IdnHost, deadline.Token);
            var address = addresses.FirstOrDefault(policy.IsAllowed);
            if (address is null)
            {
                return Failed(addresses.Length == 0
                    ? $"{origin.Host} has no address"
                    : policy.Explain(addresses[0]) ?? $"{origin.Host} resolves only to refused addresses");
            }

            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(new IPEndPoint(address, origin.Port), deadline.Token);
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
