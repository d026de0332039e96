using System.Text.RegularExpressions;

namespace Rampart.Scanning.Checks.Content;

/// <summary>One sign that served content asks for an Atlassian password or API token.</summary>
/// <param name="HtmlOnly">Form markup means something only in a page; script patterns apply to scripts and pages.</param>
/// <param name="MustMatch">Self-test: texts the pattern must report, kept next to it.</param>
/// <param name="MustNotMatch">Look-alikes it must not report (search boxes, CSRF tokens, OAuth links, documentation).</param>
public sealed record CredentialPattern(
    string Id,
    string Description,
    Regex Pattern,
    bool HtmlOnly,
    IReadOnlyList<string> MustMatch,
    IReadOnlyList<string> MustNotMatch);
