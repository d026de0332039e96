using System.Diagnostics;
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
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task Hostile_reply_ends_every_probe_with_an_error(string name, byte[] reply, bool endless, bool holdOpen)
    {
        await using var server = new HostileTlsServer(reply, endless, holdOpen);
        var prober = new TlsProber(new AddressPolicy(allowPrivateNetwork: true),
            new TlsProberOptions { ProbeTimeout = TimeSpan.FromSeconds(1) }, TimeProvider.System);
        var clock = Stopwatch.StartNew();

        var assessment = await prober.AssessAsync(server.Origin, TestTimeout.Token);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), name);
        assessment.Versions.Where(v => v.Version != TlsVersion.Ssl2).ShouldAllBe(v => v.Status == ProbeStatus.Error,
            string.Join("; ", assessment.Versions.Select(v => $"{v.Version} {v.Status} {v.Detail}")));
        assessment.Versions.ShouldNotContain(v => v.Status == ProbeStatus.Accepted, name);
    }
}
