using Rampart.Catalog;
using System.Text;
using System.Text.RegularExpressions;

namespace Rampart.Scanning.Checks.Authentication;

/// <summary>
/// Compares two bodies the way "is this page static?" needs: byte-identical after removing per-response nonces
/// (CSP nonces, CSRF tokens), which change on every load of an otherwise static page.
/// </summary>
public static partial class BodyComparison
{
    public static bool SameContent(byte[] first, byte[] second)
    {
        if (first.AsSpan().SequenceEqual(second))
        {
            return true;
        }

        try
        {
            return string.Equals(Normalise(first), Normalise(second), StringComparison.Ordinal);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string Normalise(byte[] body) =>
        Nonce().Replace(Encoding.UTF8.GetString(body), "${name}=\"…\"");

    [GeneratedRegex(@"(?<name>nonce|csrf[-_]?token|_csrf|xsrf[-_]?token|_token|authenticity_token)\s*=\s*[""'][^""']{0,512}[""']",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Nonce();
}
