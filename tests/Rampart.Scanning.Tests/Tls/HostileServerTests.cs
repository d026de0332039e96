using Rampart.Scanning.Http;
using Rampart.Scanning.Tests.Support;
using Rampart.Scanning.Tls;

namespace Rampart.Scanning.Tests.Tls;

/// <summary>Malformed and hostile replies end each probe with an error, promptly, and nothing escapes as an exception.</summary>
public sealed class HostileServerTests
{
    public static TheoryData<string, byte[], bool, bool> Replies => new()
    {
        // A handshake record announcing 100 bytes, then the connection closes after 3.
        { "truncated record", [0x16, 0x03, 0x03, 0x00, 0x64, 0x02, 0x00, 0x00], false, false },
        // A ServerHello handshake message claiming 2^24 - 1 bytes inside a small record.
        { "2^24 handshake length", [0x16, 0x03, 0x03, 0x00, 0x04, 0x02, 0xFF, 0xFF, 0xFF], false, true },
        // A record longer than 2^14 + 2048.
        { "oversized record", [0x16, 0x03, 0x03, 0xFF, 0xFF, 0x02], false, true },
        // Valid records of an endless ServerHello that never completes: the byte limit must end it.
        { "endless stream", [0x16, 0x03, 0x03, 0x40, 0x00, 0x02, 0x01, 0xFF, 0xFF, .. new byte[0x3FFC]], true, false },
        { "garbage", "HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray(), false, false },
        // Half a header and then silence: only the per-probe timeout ends it.
        { "silence", [0x16, 0x03], false, true },
        // A ServerHello whose extension block claims more bytes than the message holds.
        { "extensions overrun", ServerHelloWithExtensionsLength(0xFFFF), false, false },
        // An alert record of 3 bytes instead of 2, then close.
        { "malformed alert", [0x15, 0x03, 0x03, 0x00, 0x03, 0x02, 0x28, 0x00], false, false },
    };

    /// <summary>
    /// A slow-loris server: a valid record header announcing 16 KB, then one byte every 50 ms, forever. No single read
    /// ever waits long, so only the probe's overall deadline can end it.
    /// </summary>
    [Fact]
    public async Task A_slow_loris_server_ends_each_probe_at_its_deadline()
    {
        await using var server = new HostileTlsServer([0x16, 0x03, 0x03, 0x40, 0x00, 0x02, 0x00, 0x3F, 0xFC, .. new byte[64]],
            endless: true, drip: TimeSpan.FromMilliseconds(50));
        var prober = new TlsProber(new AddressPolicy(allowPrivateNetwork: true),
            new TlsProberOptions { ProbeTimeout = TimeSpan.FromSeconds(1) }, TimeProvider.System);

        var assessment = await prober.AssessAsync(server.Origin, TestTimeout.Token);

        // The SSL 2.0 probe sees a TLS record header in its first bytes: a refusal, decided before the drip matters.
        assessment.Versions.Where(v => v.Version != TlsVersion.Ssl2).ShouldAllBe(v => v.Status == ProbeStatus.Error && v.Detail == "no complete reply within 1 s",
            string.Join("; ", assessment.Versions.Select(v => $"{v.Version} {v.Status} {v.Detail}")));
    }

    /// <summary>A hostile server cannot make the prober send more than its per-host budget of probes.</summary>
    [Fact]
    public async Task The_probe_budget_bounds_what_a_host_can_cost()
    {
        await using var server = new HostileTlsServer("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray());
        var prober = new TlsProber(new AddressPolicy(allowPrivateNetwork: true),
            new TlsProberOptions { ProbeTimeout = TimeSpan.FromSeconds(1), MaxProbesPerHost = 3 }, TimeProvider.System);

        var assessment = await prober.AssessAsync(server.Origin, TestTimeout.Token);

        assessment.ProbesSent.ShouldBe(3);
        assessment.Versions.Count(v => v.Detail.Contains("probe budget of 3 per host exhausted", StringComparison.Ordinal)).ShouldBe(3);
    }

    private static byte[] ServerHelloWithExtensionsLength(ushort extensionsLength)
    {
        // version 0x0303, 32 random bytes, empty session id, suite 0xC02F, null compression, then the lying length.
        byte[] body = [0x03, 0x03, .. new byte[32], 0x00, 0xC0, 0x2F, 0x00, (byte)(extensionsLength >> 8), (byte)extensionsLength];
        byte[] message = [0x02, 0x00, 0x00, (byte)body.Length, .. body];
        return [0x16, 0x03, 0x03, 0x00, (byte)message.Length, .. message];
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task Hostile_reply_ends_every_probe_with_an_error(string name, byte[] reply, bool endless, bool holdOpen)
    {
        await using var server = new HostileTlsServer(reply, endless, holdOpen);
        var prober = new TlsProber(new AddressPolicy(allowPrivateNetwork: true),
            new TlsProberOptions { ProbeTimeout = TimeSpan.FromSeconds(1) }, TimeProvider.System);
        // No wall-clock assertion: a reply that hung the prober would outlive TestTimeout and fail the test.
        var assessment = await prober.AssessAsync(server.Origin, TestTimeout.Token);

        assessment.Versions.Where(v => v.Version != TlsVersion.Ssl2).ShouldAllBe(v => v.Status == ProbeStatus.Error,
            string.Join("; ", assessment.Versions.Select(v => $"{v.Version} {v.Status} {v.Detail}")));
        assessment.Versions.ShouldNotContain(v => v.Status == ProbeStatus.Accepted, name);
    }
}
