using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rampart.Scanning.Tests.Tls;

/// <summary>A real <c>openssl s_server</c> on 127.0.0.1 with the test's protocol and cipher options.</summary>
public sealed class OpenSslServer : IAsyncDisposable
{
    private readonly Process process;

    private OpenSslServer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri Origin => new($"https://127.0.0.1:{Port}/");

    public static async Task<OpenSslServer> StartAsync(TestCertificate certificate, params string[] options)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "s_server", "-accept", $"127.0.0.1:{port}", "-cert", certificate.CertPath, "-key", certificate.KeyPath, "-www", "-quiet" }.Concat(options))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new OpenSslServer(process, port);
            }
            catch (SocketException)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"openssl s_server exited with {process.ExitCode}: {string.Join(' ', options)}");
                }

                await Task.Delay(50);
            }
        }

        process.Kill();
        throw new InvalidOperationException("openssl s_server did not listen");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
