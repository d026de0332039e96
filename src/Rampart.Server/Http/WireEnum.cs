namespace Rampart.Server.Http;

/// <summary>Parses and prints enum values in their kebab-case wire spelling (<c>in-progress</c> ↔ <c>InProgress</c>).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It converts enums to their wire names; it is not an enum.")]
public static class WireEnum
{
    public static string ToWire<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => [.. Enum.GetValues<T>().Select(ToWire)];

    /// <summary>Parses a wire name; <paramref name="what"/> names the field or parameter in the error.</summary>
    public static T Parse<T>(string value, string what) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(ToWire(candidate), value, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        throw new ApiProblemException(400, "Invalid value",
            $"{what} '{value}' is not one of: {string.Join(", ", All<T>())}.",
            new Dictionary<string, string[]> { [what] = [$"'{value}' is not one of: {string.Join(", ", All<T>())}"] });
    }
}
