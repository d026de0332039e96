namespace Rampart.Scanning.Dns;

/// <summary>The data file as YAML gives it; <see cref="TakeoverFingerprints"/> validates it into records.</summary>
internal sealed class TakeoverFingerprintsDto
{
    public List<TakeoverServiceDto>? Services { get; set; }

    public List<DnsProviderDto>? DnsProviders { get; set; }
}
