using System.Net.Sockets;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Rampart.DemoApps.Tests.Support;

/// <summary>
/// Full handshakes with BouncyCastle's client, one version and a chosen suite list at a time: the only client here
/// that still speaks TLS 1.0/1.1 and 3DES (OpenSSL 3 and SslStream refuse them).
/// </summary>
internal static class LegacyHandshake
{
    private static readonly int[] Cbc = [0xC013, 0xC014, 0x002F, 0x0035];
    private static readonly int[] Any = [0xC02F, 0xC030, 0xC013, 0xC014, 0x002F, 0x0035, 0x000A];

    /// <summary>"TLS1.0=yes TLS1.1=yes TLS1.2=yes CBC=yes 3DES=no", or "(none)" without a legacy host.</summary>
    public static async Task<string> DescribeAsync(Uri? origin)
    {
        if (origin is null)
        {
            return "(none)";
        }

        var tls10 = await CompletesAsync(origin, ProtocolVersion.TLSv10, Any);
        var tls11 = await CompletesAsync(origin, ProtocolVersion.TLSv11, Any);
        var tls12 = await CompletesAsync(origin, ProtocolVersion.TLSv12, Any);
        var cbc = await CompletesAsync(origin, ProtocolVersion.TLSv12, Cbc);
        var tripleDes = await CompletesAsync(origin, ProtocolVersion.TLSv12, [0x000A]);
        return $"TLS1.0={Yes(tls10)} TLS1.1={Yes(tls11)} TLS1.2={Yes(tls12)} CBC={Yes(cbc)} 3DES={Yes(tripleDes)}";
    }

    public static async Task<bool> CompletesAsync(Uri origin, ProtocolVersion version, int[] suites)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(origin.Host, origin.Port);
        client.ReceiveTimeout = client.SendTimeout = 10_000;
        var protocol = new TlsClientProtocol(client.GetStream());
        try
        {
            await Task.Run(() => protocol.Connect(new Client(version, suites)));
            protocol.Close();
            return true;
        }
        catch (Exception e) when (e is TlsFatalAlert or TlsFatalAlertReceived or IOException)
        {
            return false;
        }
    }

    private static string Yes(bool value) => value ? "yes" : "no";

    private sealed class Client(ProtocolVersion version, int[] suites) : DefaultTlsClient(new BcTlsCrypto())
    {
        protected override ProtocolVersion[] GetSupportedVersions() => version.Only();

        protected override int[] GetSupportedCipherSuites() => suites;

        public override bool ShouldCheckSigAlgOfPeerCerts() => false;

        // The demo CA is verified by the HTTP probes; these handshakes only ask which versions and suites complete.
        public override TlsAuthentication GetAuthentication() => new AnyServer();
    }

    private sealed class AnyServer : TlsAuthentication
    {
        public void NotifyServerCertificate(TlsServerCertificate serverCertificate)
        {
        }

        public TlsCredentials? GetClientCredentials(CertificateRequest certificateRequest) => null;
    }
}
