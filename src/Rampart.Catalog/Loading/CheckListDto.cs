namespace Rampart.Catalog.Loading;

/// <summary><c>checks.yaml</c> as written; validated and mapped to <see cref="CheckRecord"/>s by <see cref="CheckMapper"/>.</summary>
internal sealed class CheckListDto : YamlMapping
{
    public List<CheckDto?>? Checks { get; set; }

    public override string Path => "";
}
