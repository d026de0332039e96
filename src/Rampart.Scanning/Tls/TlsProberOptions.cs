namespace Rampart.Scanning.Tls;

/// <summary>Bounds of one host's assessment; defaults are safe for hostile servers.</summary>
public sealed record TlsProberOptions
{
    /// <summary>One probe's whole exchange; a scan sets it to its request timeout (<c>--timeout</c>).</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Most bytes read for one reply; a certificate chain before a ServerKeyExchange fits easily.</summary>
    public int MaxReplyBytes { get; init; } = 128 * 1024;

    /// <summary>A host that needs more probes than this is not assessed further (the rest end as errors).</summary>
    public int MaxProbesPerHost { get; init; } = 300;

    public int MaxConcurrentProbes { get; init; } = 6;
}
