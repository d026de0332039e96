using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Rampart.DemoApps.Tls;

/// <summary>
/// The second host of a demo app with <see cref="DemoFlaws.LegacyTls"/> or <see cref="DemoFlaws.WeakCiphers"/>: a
/// BouncyCastle TLS server on its own port relaying to the app, named by one module URL of the descriptor.
/// </summary>
internal static class LegacyTlsFrontDoor
{
    public static bool Wanted(DemoRuntime runtime) => runtime.Has(DemoFlaws.LegacyTls) || runtime.Has(DemoFlaws.WeakCiphers);

    public static LegacyTlsServer Start(DemoRuntime runtime, X509Certificate2 certificate, int appPort)
    {
        var legacy = runtime.Has(DemoFlaws.LegacyTls);
        var weak = runtime.Has(DemoFlaws.WeakCiphers);

        // Two Mozilla-intermediate GCM suites keep TLS 1.2 clients (the scanner's HTTP client) working; TLS 1.0/1.1
        // have no AEAD suite, so LegacyTls brings ECDHE CBC-SHA suites with it.
        List<ushort> suites = [LegacyTlsSuites.EcdheRsaAes128GcmSha256, LegacyTlsSuites.EcdheRsaAes256GcmSha384];
        if (legacy)
        {
            suites.AddRange([LegacyTlsSuites.EcdheRsaAes128CbcSha, LegacyTlsSuites.EcdheRsaAes256CbcSha]);
        }

        if (weak)
        {
            suites.AddRange([LegacyTlsSuites.RsaAes128CbcSha, LegacyTlsSuites.RsaAes256CbcSha, LegacyTlsSuites.Rsa3DesEdeCbcSha]);
        }

        var versions = legacy
            ? new[] { LegacyTlsVersion.Tls10, LegacyTlsVersion.Tls11, LegacyTlsVersion.Tls12 }
            : [LegacyTlsVersion.Tls12];

        // Scans hold keep-alive connections across many requests: a longer life than the test server's default.
        var options = new LegacyTlsOptions(versions, suites)
        {
            ConnectionLifetime = TimeSpan.FromMinutes(2),
            IdleTimeout = TimeSpan.FromSeconds(30),
        };
        return new LegacyTlsServer(certificate, options, TlsForwarder.To(new IPEndPoint(IPAddress.Loopback, appPort), certificate));
    }
}
