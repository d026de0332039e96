namespace Rampart.Catalog;

/// <summary>The spelling of <see cref="CheckTarget"/> in <c>checks.yaml</c>.</summary>
public static class CheckTargetNames
{
    public static string ToId(this CheckTarget target) => target switch
    {
        CheckTarget.LiveHost => "live-host",
        CheckTarget.Descriptor => "descriptor",
        CheckTarget.ForgeApp => "forge-app",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    public static bool TryParse(string? text, out CheckTarget target)
    {
        switch (text?.Trim())
        {
            case "live-host": target = CheckTarget.LiveHost; return true;
            case "descriptor": target = CheckTarget.Descriptor; return true;
            case "forge-app": target = CheckTarget.ForgeApp; return true;
            default: target = default; return false;
        }
    }
}
