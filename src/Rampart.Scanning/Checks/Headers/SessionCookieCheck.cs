using System.Text.RegularExpressions;
using Rampart.Catalog;

namespace Rampart.Scanning.Checks.Headers;

/// <summary>
/// RMP-HDR-003: cookies that look like sessions carry <c>Secure</c> and <c>HttpOnly</c>. Names are matched by pattern
/// (connect.sid, laravel_session, anything with sess/sid/auth/token), not CSRT's five fixed names, and attributes
/// case-insensitively, as browsers read them.
/// </summary>
public sealed partial class SessionCookieCheck : HeaderCheckBase
{
    public const string Id = "RMP-HDR-003";

    public override CheckInfo Info { get; } = new(
        Id,
        "Session cookies are Secure and HttpOnly",
        ["7.4"],
        [AppKind.Connect, AppKind.PowerUp, AppKind.ForgeEgress],
        Severity.Medium,
        "Set session cookies with Secure and HttpOnly (and SameSite=None only where the iframe needs it).");

    protected override string FindingTitle => "Session cookie without Secure or HttpOnly";

    protected internal override string? Problem(ObservedResponse response)
    {
        var problems = new List<string>();
        foreach (var cookie in response.Values("Set-Cookie"))
        {
            var parts = cookie.Split(';');
            var name = parts[0].Split('=', 2)[0].Trim();
            if (!LooksLikeSession(name))
            {
                continue;
            }

            var attributes = parts.Skip(1).Select(a => a.Trim().Split('=', 2)[0].Trim()).ToList();
            var missing = new[] { "Secure", "HttpOnly" }
                .Where(flag => !attributes.Contains(flag, StringComparer.OrdinalIgnoreCase))
                .ToList();
            if (missing.Count > 0)
            {
                problems.Add($"cookie '{name}' lacks {string.Join(" and ", missing)}");
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    internal static bool LooksLikeSession(string name)
    {
        try
        {
            return SessionName().IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    [GeneratedRegex(@"sess|sid$|^sid|jsessionid|phpsessid|cfid|cftoken|auth|token|login|remember|identity|connect\.sid",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex SessionName();
}
