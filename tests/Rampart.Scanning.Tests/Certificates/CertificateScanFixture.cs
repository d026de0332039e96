using Rampart.Scanning.Tests.Support;

namespace Rampart.Scanning.Tests.Certificates;

/// <summary>A CA made for the test class, its PEM file, and a dnsmasq answering 127.0.0.1 for certs.test and every name below it.</summary>
public sealed class CertificateScanFixture : IAsyncLifetime
{
    private DnsmasqServer? dns;

    public TestCertificateAuthority Authority { get; } = new(TimeProvider.System.GetUtcNow());

    public string CaFile { get; } = Path.Combine(Path.GetTempPath(), $"rampart-cert-scan-{Guid.NewGuid():N}.pem");

    public DnsmasqServer Dns => dns ?? throw new InvalidOperationException("dnsmasq did not start");

    public async Task InitializeAsync()
    {
        Authority.WritePem(CaFile);
        if (DnsmasqServer.Executable is not null)
        {
            dns = await DnsmasqServer.StartAsync(["--address=/certs.test/127.0.0.1"], "www.certs.test", TestTimeout.Token);
        }
    }

    public async Task DisposeAsync()
    {
        if (dns is not null)
        {
            await dns.DisposeAsync();
        }

        File.Delete(CaFile);
        Authority.Dispose();
    }
}
