using System.Text.RegularExpressions;

namespace Rampart.Catalog;

/// <summary>The shape of a stable check id: <c>RMP-&lt;AREA&gt;-&lt;NNN&gt;</c>, e.g. <c>RMP-TLS-001</c>.</summary>
public static partial class CheckIdFormat
{
    public const string Pattern = @"^RMP-[A-Z]+-[0-9]{3}\z";

    public static bool IsWellFormed(string? checkId) => checkId is not null && CheckId().IsMatch(checkId);

    // [0-9] rather than \d, which also accepts non-ASCII digits; \z rather than $, which accepts a trailing newline.
    // Catalogs can come from outside the assembly, so the match is time-bounded like every other regex here.
    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex CheckId();
}
