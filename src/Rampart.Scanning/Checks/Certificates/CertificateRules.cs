using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Rampart.Scanning.Http;

namespace Rampart.Scanning.Checks.Certificates;

/// <summary>The requirement 6.2 rules for a captured server certificate.</summary>
public static class CertificateRules
{
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(30);

    /// <summary>Signature algorithms with practical collision attacks: MD2, MD5 and SHA-1 with RSA, DSA or ECDSA.</summary>
    private static readonly HashSet<string> WeakSignatures = new(StringComparer.Ordinal)
    {
        "1.2.840.113549.1.1.2", "1.2.840.113549.1.1.4", "1.2.840.113549.1.1.5", "1.3.14.3.2.29",
        "1.2.840.10040.4.3", "1.2.840.10045.4.1",
    };

    public static CertificateJudgement Judge(
        X509Certificate2 leaf, IReadOnlyList<X509Certificate2> presented, string host, CertificateTrust trust, DateTimeOffset now)
    {
        var failures = new List<string>();
        var advisories = new List<string>();
        if (trust.ChainProblem(leaf, presented, now) is { } chain)
        {
            failures.Add(chain);
        }

        if (NameProblem(leaf, host) is { } name)
        {
            failures.Add(name);
        }

        var notBefore = new DateTimeOffset(leaf.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(leaf.NotAfter.ToUniversalTime());
        if (now < notBefore)
        {
            failures.Add(Text($"not valid before {notBefore:u}"));
        }
        else if (now > notAfter)
        {
            failures.Add(Text($"expired on {notAfter:u}"));
        }
        else if (notAfter - now < ExpiryWarning)
        {
            advisories.Add(Text($"expires on {notAfter:u}, in {(notAfter - now).TotalDays:0} day(s)"));
        }

        using (var rsa = leaf.GetRSAPublicKey())
        {
            if (rsa is not null && rsa.KeySize < 2048)
            {
                failures.Add(Text($"RSA key of {rsa.KeySize} bits (at least 2048 needed)"));
            }
        }

        using (var ec = leaf.GetECDsaPublicKey())
        {
            if (ec is not null && ec.KeySize < 256)
            {
                failures.Add(Text($"EC key of {ec.KeySize} bits (at least 256 needed)"));
            }
        }

        if (leaf.SignatureAlgorithm.Value is { } oid && WeakSignatures.Contains(oid))
        {
            failures.Add($"signed with {leaf.SignatureAlgorithm.FriendlyName ?? oid}, a broken hash");
        }

        return new CertificateJudgement(failures, advisories);
    }

    /// <summary>
    /// RFC 6125 matching against the subjectAltName only (the CN is ignored, as browsers do): a wildcard stands for
    /// exactly one whole left-most label. No SAN at all fails.
    /// </summary>
    public static string? NameProblem(X509Certificate2 leaf, string host)
    {
        var san = leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (san is null)
        {
            return "no subjectAltName: browsers ignore the CN and reject the certificate";
        }

        var names = san.EnumerateDnsNames().ToList();
        if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return san.EnumerateIPAddresses().Any(a => a.Equals(address))
                ? null
                : $"the certificate does not name {host} (names: {string.Join(", ", names)})";
        }

        return names.Any(n => Matches(n, host)) ? null : $"the certificate does not name {host} (names: {string.Join(", ", names)})";
    }

    internal static bool Matches(string pattern, string host)
    {
        pattern = pattern.TrimEnd('.');
        host = host.TrimEnd('.');
        if (!pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            return !pattern.Contains('*', StringComparison.Ordinal) && string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
        }

        var suffix = pattern[1..];
        if (suffix.Contains('*', StringComparison.Ordinal) || suffix.Count(c => c == '.') < 2)
        {
            // "*.com" or a second wildcard: never valid.
            return false;
        }

        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && string.Equals(host[dot..], suffix, StringComparison.OrdinalIgnoreCase);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
