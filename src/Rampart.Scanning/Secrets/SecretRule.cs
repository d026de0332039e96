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
    IReadOnlyList<string>? MustNotMatch = null);
