using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Rampart.Scanning.Secrets;

/// <summary>
/// One kind of secret: cheap keywords that must appear before the regex runs, the regex (with a timeout), an
/// optional entropy floor for generic rules, and allowlisted values (placeholders, documentation examples).
/// </summary>
/// <param name="SecretGroup">Regex group holding the secret itself (0 = whole match); only it is redacted and entropy-checked.</param>
/// <param name="MustMatch">Texts the rule must report: its self-test, kept next to the rule so they change together.</param>
/// <param name="MustNotMatch">Look-alikes the rule must not report (placeholders, examples, near misses).</param>
public sealed record SecretRule(
    string Id,
    string Description,
    IReadOnlyList<string> Keywords,
    Regex Pattern,
    double MinEntropy = 0,
    int SecretGroup = 0,
    IReadOnlyList<string>? Allowlist = null,
    IReadOnlyList<string>? MustMatch = null,
    IReadOnlyList<string>? MustNotMatch = null)
{
    // Kept beside the rule, not in it, so the record's equality stays about its data; keyed by the Keywords list, so
    // a rule copied with `with { Keywords = ... }` gets its own index. Rules are shared by parallel scans: the table
    // is thread-safe.
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, KeywordIndex> KeywordIndexes = new();

    /// <summary>
    /// True when the text holds one of the keywords (case-insensitive, as OrdinalIgnoreCase), so the regex is worth
    /// running. One vectorised pass for all keywords: with invariant globalization, string.Contains with
    /// OrdinalIgnoreCase takes a slow per-character path that cost a third of a Forge scan's CPU.
    /// </summary>
    public bool HasKeyword(ReadOnlySpan<char> text)
    {
        var index = KeywordIndexes.GetValue(Keywords, static keywords =>
            new KeywordIndex(keywords.Any(k => k.Length == 0) ? null : SearchValues.Create([.. keywords], StringComparison.OrdinalIgnoreCase)));

        // An empty keyword is in every text, as with string.Contains.
        return index.Search is null || text.ContainsAny(index.Search);
    }

    private sealed record KeywordIndex(SearchValues<string>? Search);
}
