using System.Text.RegularExpressions;

namespace Rampart.Scanning.Secrets;

/// <summary>The built-in secret rules, shared by the descriptor check and (later) served-content and Forge checks.</summary>
public static class SecretRules
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    private static readonly string[] Placeholders =
    [
        "example", "changeme", "placeholder", "your_", "your-", "xxxx", "dummy", "redacted", "<", "${", "{{", "process.env",
    ];

    public static IReadOnlyList<SecretRule> All { get; } =
    [
        new("aws-access-key", "AWS access key id", ["AKIA", "ASIA"],
            Rx(@"\b((?:AKIA|ASIA)[0-9A-Z]{16})\b"), SecretGroup: 1, Allowlist: ["AKIAIOSFODNN7EXAMPLE"]),
        new("private-key", "Private key (PEM)", ["PRIVATE KEY"],
            Rx(@"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----")),
        new("atlassian-api-token", "Atlassian API token", ["ATATT"],
            Rx(@"\b(ATATT3[A-Za-z0-9_\-=]{30,})"), SecretGroup: 1),
        new("slack-token", "Slack token", ["xox"],
            Rx(@"\b(xox[abposr]-[0-9A-Za-z-]{10,})"), SecretGroup: 1),
        new("github-token", "GitHub token", ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
            Rx(@"\b((?:gh[pousr]_[A-Za-z0-9]{36})|(?:github_pat_[A-Za-z0-9_]{60,}))"), SecretGroup: 1),
        new("google-api-key", "Google API key", ["AIza"],
            Rx(@"\b(AIza[0-9A-Za-z_\-]{35})"), SecretGroup: 1),
        new("jwt", "JSON Web Token", ["eyJ"],
            Rx(@"\b(eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]*)"), SecretGroup: 1),
        new("credential-in-url", "Credential in a URL query string",
            ["token", "secret", "password", "passwd", "pwd", "api_key", "apikey", "api-key", "access_key", "signature", "sig=", "auth"],
            Rx(@"[?&](?:access_token|token|auth_token|api[_-]?key|apikey|secret|client_secret|password|passwd|pwd|access_key|sig|signature)=([^&#\s""']{8,})"),
            MinEntropy: 2.5, SecretGroup: 1),
        new("userinfo-in-url", "Password in a URL (user:password@host)", ["://"],
            Rx(@"[a-z][a-z0-9+.-]*://[^/\s:@]+:([^/\s@]{3,})@"), SecretGroup: 1),
        new("generic-secret-assignment", "High-entropy value assigned to a secret-like name",
            ["secret", "password", "passwd", "token", "apikey", "api_key", "sharedsecret", "private"],
            Rx(@"(?i)(?:shared[_-]?secret|client[_-]?secret|secret|password|passwd|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|private[_-]?key)[""']?\s*[:=]\s*[""']([A-Za-z0-9+/=_\-.]{16,})[""']"),
            MinEntropy: 3.5, SecretGroup: 1),
    ];

    internal static bool IsPlaceholder(string value) =>
        Placeholders.Any(p => value.Contains(p, StringComparison.OrdinalIgnoreCase)) || value.Distinct().Count() <= 3;

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, Timeout);
}
