namespace Rampart.Scanning.Checks.Content;

public enum ServedAssetKind
{
    Html,
    Script,
    MapSource,
}
