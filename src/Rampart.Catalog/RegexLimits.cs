namespace Rampart.Catalog;

/// <summary>
/// The one match timeout of every regular expression Rampart runs (catalog ids, secret rules, takeover fingerprints,
/// check heuristics, Forge analysis). Input is hostile, so no pattern may run away on it; the timeout is wall-clock,
/// so a busy machine eats into it: 250 ms dropped a real secret finding on a 2-core machine at load 12, 1 s did not.
/// It lives in the catalog assembly because every other Rampart assembly references it.
/// </summary>
public static class RegexLimits
{
    /// <summary>For <c>[GeneratedRegex(..., matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds...)]</c>, which needs a constant.</summary>
    public const int MatchTimeoutMilliseconds = 1000;

    public static TimeSpan MatchTimeout { get; } = TimeSpan.FromMilliseconds(MatchTimeoutMilliseconds);
}
