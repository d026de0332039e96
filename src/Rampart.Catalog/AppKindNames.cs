namespace Rampart.Catalog;

/// <summary>The spelling of <see cref="AppKind"/> in catalogs, reports and on the command line.</summary>
public static class AppKindNames
{
    public static string ToId(this AppKind kind) => kind switch
    {
        AppKind.Connect => "connect",
        AppKind.Forge => "forge",
        AppKind.ForgeEgress => "forge-egress",
        AppKind.PowerUp => "power-up",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? text, out AppKind kind)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "connect": kind = AppKind.Connect; return true;
            case "forge": kind = AppKind.Forge; return true;
            case "forge-egress": kind = AppKind.ForgeEgress; return true;
            case "power-up": kind = AppKind.PowerUp; return true;
            default: kind = default; return false;
        }
    }
}
