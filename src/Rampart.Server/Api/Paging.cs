using System.Globalization;
using Rampart.Server.Http;

namespace Rampart.Server.Api;

/// <summary>The <c>page</c> and <c>pageSize</c> query parameters every list endpoint shares.</summary>
public static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    /// <summary>
    /// The offset (page - 1) * pageSize must fit the databases' 32-bit OFFSET arithmetic: page 2147483647 overflowed it
    /// into a negative offset (a 500 on PostgreSQL, page 1 on SQLite). A million pages of 500 is a billion rows.
    /// </summary>
    public const int MaxPage = 1_000_000;

    public static int Page(string? value) => Parse(value, "page", 1, 1, MaxPage);

    public static int Size(string? value) => Parse(value, "pageSize", DefaultSize, 1, MaxSize);

    public static bool? Flag(string? value, string name) => value switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => throw Invalid(name, $"'{value}' is not true or false"),
    };

    private static int Parse(string? value, string name, int fallback, int min, int max)
    {
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw Invalid(name, $"'{value}' is not a whole number from {min} to {max}");
    }

    public static ApiProblemException Invalid(string name, string what) =>
        new(400, "Invalid query parameter", $"Query parameter '{name}': {what}.", new Dictionary<string, string[]> { [name] = [what] });
}
