using Rampart.Scanning.Http;
using Rampart.Scanning.Secrets;

namespace Rampart.Forge.Analysis;

/// <summary>Keeps secrets out of evidence: every secret rule's match inside an excerpt is masked.</summary>
public static class EvidenceText
{
    public static string Redact(string excerpt, params string[] secrets)
    {
        var text = excerpt;
        foreach (var secret in secrets.Where(s => s.Length > 0))
        {
            text = text.Replace(secret, Redaction.Mask(secret), StringComparison.Ordinal);
        }

        foreach (var rule in SecretRules.All)
        {
            if (!rule.HasKeyword(text))
            {
                continue;
            }

            try
            {
                text = rule.Pattern.Replace(text, match =>
                {
                    var group = match.Groups[rule.SecretGroup];
                    return group.Length == 0 ? match.Value : match.Value.Replace(group.Value, Redaction.Mask(group.Value), StringComparison.Ordinal);
                });
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return "(excerpt withheld: could not be redacted in time)";
            }
        }

        return text;
    }
}
