namespace Rampart.Scanning.Dns;

internal sealed class TakeoverServiceDto
{
    public string? Service { get; set; }

    public List<string>? Cname { get; set; }

    public string? Kind { get; set; }

    public string? Body { get; set; }

    public int? Status { get; set; }

    public string? Source { get; set; }

    public string? Licence { get; set; }
}
