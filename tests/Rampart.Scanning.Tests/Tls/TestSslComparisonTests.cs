using Rampart.Scanning.Tests.Support;
using Rampart.Scanning.Tls;

namespace Rampart.Scanning.Tests.Tls;

/// <summary>Rampart's protocol and cipher verdicts equal testssl.sh's on the same real servers.</summary>
public sealed class TestSslComparisonTests(TestCertificate certificate) : IClassFixture<TestCertificate>
{
    public static TheoryData<string[]> Servers => new()
    {
        new[] { "-no_tls1_3", "-cipher", "ECDHE-RSA-AES128-SHA:AES256-SHA:ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA:@SECLEVEL=0" },
        new[] { "-cipher", "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305", "-ciphersuites", "TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256" },
    };

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Protocol_and_cipher_verdicts_equal_testssl(string[] options)
    {
        // CI installs testssl.sh (eng/install-test-deps.sh): there the comparison must run, never skip.
        if (TestSsl.Path is null)
        {
            Environment.GetEnvironmentVariable("CI").ShouldBeNullOrEmpty("testssl.sh is missing on CI");
            return;
        }

        await using var server = await OpenSslServer.StartAsync(certificate, options);

        var rampart = await TlsProberTests.Prober().AssessAsync(server.Origin, TestTimeout.Token);
        var testssl = await TestSsl.RunAsync(server.Port, TestTimeout.Token);

        rampart.Accepted.Order().ShouldBe(testssl.Protocols.Order());
        rampart.Versions.SelectMany(v => v.Suites).Select(s => s.Code).Distinct().Order().ShouldBe(testssl.Suites.Order());
    }
}
