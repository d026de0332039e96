using Rampart.Scanning.Tests.Support;
using Rampart.Scanning.Tls;

namespace Rampart.Scanning.Tests.Tls;

/// <summary>
/// What no server available here can serve (SSL 2.0, SSL 3.0, RC4): the prober's handling of those replies, with the
/// server's bytes written out by hand and sent by a real socket server.
/// </summary>
public sealed class RecordedReplyTests
{
    [Fact]
    public async Task An_ssl2_server_hello_is_accepted_for_ssl2_only()
    {
        byte[] connectionId = [.. Enumerable.Range(1, 16).Select(i => (byte)i)];
        // SERVER-HELLO: type 4, no session hit, X.509 cert type, version 0x0002, no certificate, one spec
        // (SSL_CK_RC4_128_WITH_MD5), 16-byte connection id.
        byte[] body = [0x04, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x03, 0x00, 0x10, 0x01, 0x00, 0x80, .. connectionId];
        await using var server = new HostileTlsServer([(byte)(0x80 | (body.Length >> 8)), (byte)body.Length, .. body]);

        var assessment = await TlsProberTests.Prober().AssessAsync(server.Origin, TestTimeout.Token);

        assessment.Versions.Single(v => v.Version == TlsVersion.Ssl2).Status.ShouldBe(ProbeStatus.Accepted);
        assessment.Versions.Where(v => v.Version != TlsVersion.Ssl2).ShouldAllBe(v => v.Status != ProbeStatus.Accepted);
    }

    [Fact]
    public async Task An_ssl3_server_hello_choosing_rc4_is_ssl3_with_rc4_and_refuses_every_tls_version()
    {
        // ServerHello version 0x0300, zero random, no session id, TLS_RSA_WITH_RC4_128_SHA, null compression, no
        // extensions; then ServerHelloDone, in one SSL 3.0 record.
        byte[] hello = [0x03, 0x00, .. new byte[32], 0x00, 0x00, 0x05, 0x00];
        byte[] messages = [0x02, 0x00, 0x00, (byte)hello.Length, .. hello, 0x0E, 0x00, 0x00, 0x00];
        await using var server = new HostileTlsServer([0x16, 0x03, 0x00, 0x00, (byte)messages.Length, .. messages]);

        var assessment = await TlsProberTests.Prober().AssessAsync(server.Origin, TestTimeout.Token);

        var ssl3 = assessment.Versions.Single(v => v.Version == TlsVersion.Ssl3);
        ssl3.Status.ShouldBe(ProbeStatus.Accepted);
        ssl3.Suites.Select(s => s.Name).ShouldBe(["TLS_RSA_WITH_RC4_128_SHA"]);

        // The recording answers RC4 to everything, so the second elimination probe (RC4 no longer offered) is told
        // apart as a server choosing what it was not offered.
        ssl3.EnumerationError.ShouldBe("server chose 0x0005, which was not offered");
        foreach (var version in new[] { TlsVersion.Tls10, TlsVersion.Tls11, TlsVersion.Tls12, TlsVersion.Tls13 })
        {
            var verdict = assessment.Versions.Single(v => v.Version == version);
            verdict.Status.ShouldBe(ProbeStatus.Rejected, version.ToString());
            verdict.Detail.ShouldBe("server answered with version 0x0300");
        }
    }
}
