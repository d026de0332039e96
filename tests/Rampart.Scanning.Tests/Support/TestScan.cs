using Rampart.Scanning.Engine;
using Rampart.Scanning.Http;

namespace Rampart.Scanning.Tests.Support;

/// <summary>Probe clients as tests need them: loopback allowed, short limits so failures show quickly.</summary>
public static class TestScan
{
    public static ScanOptions LoopbackOptions => new()
    {
        AllowPrivateNetwork = true,
        RequestTimeout = TimeSpan.FromSeconds(10),
        MaxRetryAfter = TimeSpan.FromSeconds(2),
    };

    public static ProbeClient Client(ScanOptions? options = null, CertificateTrust? trust = null, TimeProvider? time = null) =>
        new(options ?? LoopbackOptions, time ?? TimeProvider.System, trust ?? new CertificateTrust([]));
}
