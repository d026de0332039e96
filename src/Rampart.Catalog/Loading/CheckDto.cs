namespace Rampart.Catalog.Loading;

/// <summary>One check as written in <c>checks.yaml</c>.</summary>
internal sealed class CheckDto : YamlMapping
{
    public YamlText? Id { get; set; }

    public YamlText? Title { get; set; }

    public YamlText? Inspects { get; set; }

    public List<YamlText?>? AppKinds { get; set; }

    public YamlText? Severity { get; set; }

    public YamlText? Cvss { get; set; }

    public List<YamlText?>? Cwe { get; set; }

    public YamlTextMap? Verifies { get; set; }

    public YamlText? Remediation { get; set; }

    // The id is the first key, so errors further down can already name the check.
    public override string Path => $"checks[{Id?.Value ?? "?"}]";
}
