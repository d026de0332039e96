using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rampart.Scanning.Tests.Certificates;

/// <summary>
/// <c>openssl s_server</c> on 127.0.0.1 presenting a given certificate. It runs at OpenSSL security level 0 so it
/// serves what a careless server serves — 1024-bit keys and SHA-1 signatures that OpenSSL 3 refuses by default.
/// </summary>
public sealed class OpenSslCertificateServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly string directory;

    private OpenSslCertificateServer(Process process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    public Uri Origin(string host) => new($"https://{host}:{Port}/");

    public static async Task<OpenSslCertificateServer> StartAsync(X509Certificate2 certificate)
    {
        var directory = Directory.CreateTempSubdirectory("rampart-cert-").FullName;
        var certPath = Path.Combine(directory, "cert.pem");
        var keyPath = Path.Combine(directory, "key.pem");
        await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
        using (AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey()
                   ?? throw new InvalidOperationException("the certificate has no RSA or EC private key"))
        {
            await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());
        }

        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("openssl") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[]
                     {
                         "s_server", "-accept", $"127.0.0.1:{port}", "-cert", certPath, "-key", keyPath, "-www", "-quiet",
                         "-cipher", "DEFAULT@SECLEVEL=0",
                     })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            for (var i = 0; i < 100 && !process.HasExited; i++)
            {
                using var client = new TcpClient();
                try
                {
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    return new OpenSslCertificateServer(process, directory, port);
                }
                catch (SocketException)
                {
                    await Task.Delay(50);
                }
            }

            if (!process.HasExited)
            {
                process.Kill();
            }

            process.Dispose();
            // The port may have been taken between choosing and binding it; another port will do.
            if (attempt >= 3)
            {
                Directory.Delete(directory, true);
                throw new InvalidOperationException("openssl s_server did not listen");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(directory, true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
