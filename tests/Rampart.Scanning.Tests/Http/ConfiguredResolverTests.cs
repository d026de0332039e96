using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;
using Rampart.Scanning.Dns;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Http;
using Rampart.Scanning.Tests.Dns;
using Rampart.Scanning.Tests.Support;
using Rampart.Scanning.Tls;

namespace Rampart.Scanning.Tests.Http;

/// <summary>
/// The three kinds of connection a scan makes — HTTP probes, raw TLS probes and the certificate handshake — all
/// resolve through the configured <c>--dns-server</c> and the one address-policy step. The host name exists only in
/// the test's dnsmasq, so a component that asked the system resolver instead could not reach it.
/// </summary>
public sealed class ConfiguredResolverTests : IAsyncLifetime
{
    private const string Host = "only-in-test-dns.rampart.test";

    private X509Certificate2 certificate = null!;
    private LoopbackServer server = null!;
    private DnsmasqServer? dns;

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={Host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(Host);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(30), DateTimeOffset.UnixEpoch.AddYears(100));
        certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("resolved through the test DNS"), certificate);
        if (DnsmasqServer.Executable is not null)
        {
            dns = await DnsmasqServer.StartAsync(["--local=/rampart.test/", $"--host-record={Host},127.0.0.1"], Host, TestTimeout.Token);
        }
    }

    private Uri Origin => new($"https://{Host}:{server.BaseUrl.Port}/");

    private ScanOptions Options(bool allowPrivate = true) =>
        TestScan.LoopbackOptions with { AllowPrivateNetwork = allowPrivate, DnsServer = dns!.Endpoint };

    [RequiresDnsmasqFact]
    public async Task The_probe_client_resolves_through_the_configured_server()
    {
        using var client = TestScan.Client(Options(), new CertificateTrust([certificate]));

        var response = await client.SendAsync(new ProbeRequest(HttpMethod.Get, Origin), TestTimeout.Token);

        response.Error.ShouldBeNull();
        response.BodyText().ShouldBe("resolved through the test DNS");
    }

    [RequiresDnsmasqFact]
    public async Task The_tls_prober_resolves_through_the_configured_server()
    {
        var options = Options();
        var prober = new TlsProber(new AddressPolicy(true), new TlsProberOptions { ProbeTimeout = TimeSpan.FromSeconds(5) },
            TimeProvider.System, DnsResolver.AddressLookup(options));

        var assessment = await prober.AssessAsync(Origin, TestTimeout.Token);

        assessment.Error.ShouldBeNull();
        assessment.Address.ShouldBe("127.0.0.1");
        assessment.Accepted.ShouldContain(TlsVersion.Tls12);
    }

    [RequiresDnsmasqFact]
    public async Task The_certificate_fetcher_resolves_through_the_configured_server()
    {
        var options = Options();

        var captured = await CertificateFetcher.FetchAsync(Origin, new AddressPolicy(true), DnsResolver.AddressLookup(options),
            TimeSpan.FromSeconds(10), TestTimeout.Token);

        captured.Error.ShouldBeNull();
        captured.Leaf.ShouldNotBeNull().Thumbprint.ShouldBe(certificate.Thumbprint);
    }

    [RequiresDnsmasqFact]
    public async Task All_three_apply_the_address_policy_to_what_the_configured_server_answered()
    {
        var options = Options(allowPrivate: false);
        var policy = new AddressPolicy(false);
        using var client = TestScan.Client(options, new CertificateTrust([certificate]));

        var response = await client.SendAsync(new ProbeRequest(HttpMethod.Get, Origin), TestTimeout.Token);
        var assessment = await new TlsProber(policy, new TlsProberOptions(), TimeProvider.System, DnsResolver.AddressLookup(options))
            .AssessAsync(Origin, TestTimeout.Token);
        var captured = await CertificateFetcher.FetchAsync(Origin, policy, DnsResolver.AddressLookup(options), TimeSpan.FromSeconds(10), TestTimeout.Token);

        response.Error.ShouldNotBeNull().Kind.ShouldBe(ProbeErrorKind.BlockedAddress);
        assessment.Error.ShouldNotBeNull().ShouldContain("127.0.0.1 is in the non-public range");
        captured.Error.ShouldNotBeNull().ShouldContain("127.0.0.1 is in the non-public range");
        server.Requests.ShouldBeEmpty();
    }

    [RequiresDnsmasqFact]
    public async Task A_name_the_configured_server_does_not_know_is_reported_as_not_resolving()
    {
        var captured = await CertificateFetcher.FetchAsync(new Uri($"https://missing.rampart.test:{server.BaseUrl.Port}/"),
            new AddressPolicy(true), DnsResolver.AddressLookup(Options()), TimeSpan.FromSeconds(10), TestTimeout.Token);

        captured.Error.ShouldNotBeNull().ShouldContain("missing.rampart.test does not resolve");
    }

    public async Task DisposeAsync()
    {
        if (dns is not null)
        {
            await dns.DisposeAsync();
        }

        await server.DisposeAsync();
        certificate.Dispose();
    }
}
