using System.Globalization;

namespace Rampart.Cli.Commands;

/// <summary>Durations on the command line: a whole number and a unit, <c>90d</c>, <c>12h</c>, <c>30m</c>.</summary>
internal static class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text) || text.Length < 2
            || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return false;
        }

        TimeSpan? parsed = text[^1] switch
        {
            'd' => TimeSpan.FromDays(n),
            'h' => TimeSpan.FromHours(n),
            'm' => TimeSpan.FromMinutes(n),
            _ => null,
        };
        if (parsed is null || parsed > TimeSpan.FromDays(3650))
        {
            return false;
        }

        duration = parsed.Value;
        return true;
    }
}
