using Rampart.Catalog;
using System.Text.RegularExpressions;

namespace Rampart.Scanning.Secrets;

/// <summary>The built-in secret rules, shared by the descriptor check and (later) served-content and Forge checks.</summary>
public static class SecretRules
{
    private static readonly string[] Placeholders =
    [
        "example", "changeme", "placeholder", "your_", "your-", "xxxx", "dummy", "redacted", "<", "${", "{{", "process.env",
    ];

    // Self-test values are assembled from pieces so repository secret scanners do not flag this file.
    private const string Alnum36 = "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d";
    private const string Aws40 = "A/2O76UMFxFkM/R5Kjp1vRt+1fjORS/6ilI8ihN5";
    private const string Hex32 = "9f2c4e1a7b3d5f60182a4c6e8b0d2f41";
    private const string Azure86 = "k3Jd9Vq2T2bN7xWm4Lp8ZcR1yHf6Ga0sEu5Oi9KtQw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz1Xc3Vb5Nm7Qa2Ws4E";

    public static IReadOnlyList<SecretRule> All { get; } =
    [
        new("aws-access-key", "AWS access key id", ["AKIA", "ASIA"],
            Rx(@"\b((?:AKIA|ASIA)[0-9A-Z]{16})\b"), SecretGroup: 1, Allowlist: ["AKIAIOSFODNN7EXAMPLE"],
            MustMatch: ["key: AKIA" + "Z7VQ3XR2L5MNP4QD"], MustNotMatch: ["AKIAIOSFODNN7EXAMPLE", "AKIA1234"]),
        new("aws-secret-access-key", "AWS secret access key", ["aws", "secret_access", "secretaccess"],
            Rx(@"(?i)(?:aws)?_?secret_?access_?key[""']?\s*[:=]\s*[""']([A-Za-z0-9/+]{40})[""']"),
            MinEntropy: 4.0, SecretGroup: 1, Allowlist: ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
            MustMatch: ["awsSecretAccessKey: \"" + Aws40 + "\""],
            MustNotMatch: ["aws_secret_access_key = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'", "awsSecretAccessKey: \"${AWS_SECRET}\""]),
        new("gcp-service-account", "Google Cloud service-account key", ["service_account"],
            Rx(@"""type""\s*:\s*""service_account""[\s\S]{0,400}?""private_key_id""\s*:\s*""([0-9a-f]{40})"""), SecretGroup: 1,
            MustMatch: ["{\"type\": \"service_account\", \"project_id\": \"p\", \"private_key_id\": \"" + Hex32 + "0a1b2c3d\"}"],
            MustNotMatch: ["{\"type\": \"service_account\", \"private_key_id\": \"<your key id>\"}"]),
        new("azure-storage-key", "Azure storage account key", ["AccountKey"],
            Rx(@"AccountKey=([A-Za-z0-9+/]{86}==)"), SecretGroup: 1,
            MustMatch: ["DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=" + Azure86 + "=="],
            MustNotMatch: ["AccountKey=<your-account-key>", "UseDevelopmentStorage=true"]),
        new("private-key", "Private key (PEM)", ["PRIVATE KEY"],
            Rx(@"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----"),
            MustMatch: ["\"private_key\": \"-----BEGIN " + "PRIVATE KEY-----\\nMIIE\""], MustNotMatch: ["-----BEGIN PUBLIC KEY-----"]),
        new("atlassian-api-token", "Atlassian API token", ["ATATT"],
            Rx(@"\b(ATATT3[A-Za-z0-9_\-=]{30,})"), SecretGroup: 1,
            MustMatch: ["token=ATATT3" + "xFfGF0" + Alnum36], MustNotMatch: ["ATATT3xFf"]),
        new("stripe-secret-key", "Stripe secret key", ["sk_live_", "rk_live_"],
            Rx(@"\b((?:sk|rk)_live_[0-9A-Za-z]{24,})"), SecretGroup: 1,
            MustMatch: ["stripe('sk_" + "live_" + Alnum36 + "')"], MustNotMatch: ["sk_test_" + Alnum36, "pk_live_" + Alnum36]),
        new("twilio-api-key", "Twilio API key", ["SK"],
            Rx(@"\b(SK[0-9a-f]{32})\b"), SecretGroup: 1,
            MustMatch: ["twilioKey = 'SK" + Hex32 + "'"], MustNotMatch: ["SK" + "9F2C4E1A7B3D5F60182A4C6E8B0D2F41", "SKU-1234"]),
        new("sendgrid-api-key", "SendGrid API key", ["SG."],
            Rx(@"\b(SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})\b"), SecretGroup: 1,
            MustMatch: ["SG." + "u8jzPde0IgxLd6GncfBAep" + "." + Alnum36 + "fJBd0Kh"], MustNotMatch: ["SG.example"]),
        new("slack-token", "Slack token", ["xox"],
            Rx(@"\b(xox[abposr]-[0-9A-Za-z-]{10,})"), SecretGroup: 1,
            MustMatch: ["xox" + "b-1234567890-abcdefghij"], MustNotMatch: ["xoxb-"]),
        new("github-token", "GitHub token", ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
            Rx(@"\b((?:gh[pousr]_[A-Za-z0-9]{36})|(?:github_pat_[A-Za-z0-9_]{60,}))"), SecretGroup: 1,
            MustMatch: ["const t = \"gh" + "p_" + Alnum36 + "\""], MustNotMatch: ["ghp_xxxx", "process.env.GITHUB_TOKEN"]),
        new("google-api-key", "Google API key", ["AIza"],
            Rx(@"\b(AIza[0-9A-Za-z_\-]{35})"), SecretGroup: 1,
            MustMatch: ["AIza" + "Sy" + "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOO"], MustNotMatch: ["AIzaShort"]),
        new("jwt", "JSON Web Token", ["eyJ"],
            Rx(@"\b(eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]*)"), SecretGroup: 1,
            MustMatch: ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig"], MustNotMatch: ["eyJhbGciOiJ9"]),
        new("credential-in-url", "Credential in a URL query string",
            ["token", "secret", "password", "passwd", "pwd", "api_key", "apikey", "api-key", "access_key", "signature", "sig=", "auth"],
            Rx(@"[?&](?:access_token|token|auth_token|api[_-]?key|apikey|secret|client_secret|password|passwd|pwd|access_key|sig|signature)=([^&#\s""']{8,})"),
            MinEntropy: 2.5, SecretGroup: 1,
            MustMatch: ["https://a.example.net/x?access_token=" + Hex32], MustNotMatch: ["https://a.example.net/x?token=changeme-now"]),
        new("userinfo-in-url", "Password in a URL (user:password@host)", ["://"],
            Rx(@"[a-z][a-z0-9+.-]*://[^/\s:@]+:([^/\s@]{3,})@"), SecretGroup: 1,
            MustMatch: ["postgres://app:s3cr3tPw@db.internal/app"], MustNotMatch: ["https://db.internal:5432/app"]),
        new("connect-shared-secret", "Connect sharedSecret-like value", ["sharedsecret", "shared_secret"],
            Rx(@"(?i)shared[_-]?secret[""']?\s*[:=]\s*[""'`]([A-Za-z0-9+/=_\-.]{16,})[""'`]"),
            MinEntropy: 3.0, SecretGroup: 1,
            MustMatch: ["sharedSecret: \"KLzdocJ2isAj" + "IhKtJ0RlgLKOmxgJTeKd\""],
            MustNotMatch: ["sharedSecret: \"\"", "sharedSecret: \"your-shared-secret-here\"", "sharedSecret = process.env.SHARED_SECRET"]),
        new("generic-secret-assignment", "High-entropy value assigned to a secret-like name",
            ["secret", "password", "passwd", "token", "apikey", "api_key", "private"],
            Rx(@"(?i)(?:client[_-]?secret|(?<!shared[_-]?)secret|password|passwd|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|private[_-]?key)[""']?\s*[:=]\s*[""']([A-Za-z0-9+/=_\-.]{16,})[""']"),
            MinEntropy: 3.5, SecretGroup: 1,
            MustMatch: ["client_secret = \"" + Alnum36 + "\""],
            MustNotMatch: ["password: \"changeme-changeme\"", "csrfToken: \"sTy4Qwb8DwkNhFdnXsiVpzz63FfkCzJr\"", "apiKey: \"aaaaaaaaaaaaaaaaaaaa\""]),
    ];

    internal static bool IsPlaceholder(string value) =>
        Placeholders.Any(p => value.Contains(p, StringComparison.OrdinalIgnoreCase)) || value.Distinct().Count() <= 3;

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, RegexLimits.MatchTimeout);
}
