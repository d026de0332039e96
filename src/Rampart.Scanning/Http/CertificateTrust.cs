using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Rampart.Scanning.Engine;

namespace Rampart.Scanning.Http;

/// <summary>
/// Certificate validation for probes: the system trust store, plus CAs the user named with <c>--trust-ca</c>
/// (a staging CA). Remembers why a host's certificate was refused so the error can say so.
/// </summary>
public sealed class CertificateTrust(IReadOnlyList<X509Certificate2> extraRoots)
{
    private readonly ConcurrentDictionary<string, string> rejections = new(StringComparer.OrdinalIgnoreCase);

    public static CertificateTrust FromPemFiles(IEnumerable<string> paths)
    {
        var roots = new List<X509Certificate2>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new ScanOptionException($"--trust-ca: file '{path}' does not exist.");
            }

            var collection = new X509Certificate2Collection();
            try
            {
                collection.ImportFromPemFile(path);
            }
            catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw new ScanOptionException($"--trust-ca: '{path}' cannot be read as a PEM certificate file ({e.Message}).", e);
            }

            if (collection.Count == 0)
            {
                throw new ScanOptionException($"--trust-ca: '{path}' holds no PEM certificate.");
            }

            roots.AddRange(collection);
        }

        return new CertificateTrust(roots);
    }

    public string? RejectionFor(string host) => rejections.TryGetValue(host, out var reason) ? reason : null;

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var host = (sender as SslStream)?.TargetHostName ?? string.Empty;
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return Reject(host, "the server presented no certificate");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return Reject(host, $"the certificate does not name {host}");
        }

        if (extraRoots.Count == 0)
        {
            return Reject(host, Describe(chain));
        }

        using var custom = CustomChain(chain?.ChainPolicy.ExtraStore.Cast<X509Certificate2>() ?? [], null);
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(leaf) || Reject(host, Describe(custom));
    }

    /// <summary>
    /// Null when <paramref name="leaf"/> chains to the system store or a <c>--trust-ca</c> root — the same two
    /// stores <see cref="Validate"/> accepts — otherwise why not. Dates are not judged here: the certificate check
    /// judges them against the scan's clock and names them on their own.
    /// </summary>
    public string? ChainProblem(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> presented, DateTimeOffset at)
    {
        using var system = new X509Chain();
        system.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        system.ChainPolicy.VerificationTime = at.UtcDateTime;
        system.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        system.ChainPolicy.ExtraStore.AddRange(presented.ToArray());
        if (system.Build(leaf))
        {
            return null;
        }

        if (extraRoots.Count == 0)
        {
            return Describe(system);
        }

        using var custom = CustomChain(presented, at);
        return custom.Build(leaf) ? null : Describe(custom);
    }

    private X509Chain CustomChain(IEnumerable<X509Certificate2> presented, DateTimeOffset? at)
    {
        var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(extraRoots.ToArray());
        // Offline scanning: a staging CA rarely publishes revocation data, and its absence is not a finding here.
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.ExtraStore.AddRange(presented.ToArray());
        if (at is { } time)
        {
            custom.ChainPolicy.VerificationTime = time.UtcDateTime;
            custom.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        }

        return custom;
    }

    private bool Reject(string host, string reason)
    {
        rejections[host] = reason;
        return false;
    }

    private static string Describe(X509Chain? chain)
    {
        var statuses = chain?.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct().ToList() ?? [];
        return statuses.Count == 0 ? "the certificate chain is not trusted" : "certificate not trusted: " + string.Join("; ", statuses);
    }
}
