using System.Text.RegularExpressions;
using Rampart.Scanning.Http;

namespace Rampart.Scanning.Secrets;

/// <summary>
/// Runs <see cref="SecretRules"/> over text. A regex that times out skips that rule for that text, never hangs, and is
/// named in <see cref="SecretScan.TimedOut"/> so the caller reports the text as not fully checked instead of clean.
/// </summary>
public static class SecretScanner
{
    public static IReadOnlyList<SecretMatch> Scan(string text, IReadOnlyList<SecretRule>? rules = null) => ScanAll(text, rules).Matches;

    public static SecretScan ScanAll(string text, IReadOnlyList<SecretRule>? rules = null)
    {
        var matches = new List<SecretMatch>();
        List<string>? timedOut = null;
        foreach (var rule in rules ?? SecretRules.All)
        {
            if (!rule.HasKeyword(text))
            {
                continue;
            }

            try
            {
                foreach (Match match in rule.Pattern.Matches(text))
                {
                    var secret = match.Groups[rule.SecretGroup].Value;
                    if (rule.Allowlist?.Contains(secret, StringComparer.Ordinal) == true ||
                        (rule.MinEntropy > 0 && (SecretRules.IsPlaceholder(secret) || Entropy(secret) < rule.MinEntropy)))
                    {
                        continue;
                    }

                    var (line, column) = Position(text, match.Index);
                    matches.Add(new SecretMatch(rule, line, column, Redact(match.Value, secret)));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Hostile input can make any regex slow; losing one rule on one text beats a hung scan, as long as
                // the loss is reported.
                (timedOut ??= []).Add(rule.Id);
            }
        }

        return new SecretScan(matches, timedOut ?? []);
    }

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(string value)
    {
        if (value.Length == 0)
        {
            return 0;
        }

        return value.GroupBy(c => c)
            .Select(g => (double)g.Count() / value.Length)
            .Sum(p => -p * Math.Log2(p));
    }

    private static string Redact(string excerpt, string secret)
    {
        var shown = secret.Length == 0 ? excerpt : excerpt.Replace(secret, Redaction.Mask(secret), StringComparison.Ordinal);
        return shown.Length > 160 ? shown[..160] + "…" : shown;
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }
}
