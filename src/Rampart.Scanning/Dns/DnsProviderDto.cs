namespace Rampart.Scanning.Dns;

internal sealed class DnsProviderDto
{
    public string? Provider { get; set; }

    public List<string>? Ns { get; set; }

    public string? Source { get; set; }

    public string? Licence { get; set; }
}
