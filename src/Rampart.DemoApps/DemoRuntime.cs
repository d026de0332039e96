using System.Security.Cryptography;
using Rampart.DemoApps.Connect;
using Rampart.DemoApps.Hosting;

namespace Rampart.DemoApps;

/// <summary>Everything one running demo app knows: its options, clock, tenants, keys and the identities it hands out.</summary>
internal sealed class DemoRuntime : IDisposable
{
    public const string TenantSite = "https://demo-tenant.atlassian.net";

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Uri? baseUrl;

    public DemoRuntime(DemoAppOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
        AdminAccountId = "712020:" + Guid.NewGuid().ToString("D");
        UserAccountId = "712020:" + Guid.NewGuid().ToString("D");
        Installations = new InstallationRegistry(new Installation(
            Guid.NewGuid().ToString("D"),
            Base64UrlSecret(48),
            TenantSite));
        DescriptorAccessToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        DescriptorAwsKeyId = "AKIA" + RandomNumberGenerator.GetString(Base32Alphabet, 16);
    }

    public DemoAppOptions Options { get; }

    public TimeProvider Time { get; }

    public string AdminAccountId { get; }

    public string UserAccountId { get; }

    public InstallationRegistry Installations { get; }

    public InstallKeyStore InstallKeys { get; } = new();

    public RequestJournal Journal { get; } = new();

    /// <summary>The <c>access_token</c> leaked by <see cref="DemoFlaws.SecretInDescriptor"/>.</summary>
    public string DescriptorAccessToken { get; }

    /// <summary>The AWS-style key id leaked by <see cref="DemoFlaws.SecretInDescriptor"/>.</summary>
    public string DescriptorAwsKeyId { get; }

    /// <summary>Known only once Kestrel has bound its ephemeral port.</summary>
    public Uri BaseUrl
    {
        get => baseUrl ?? throw new InvalidOperationException("The demo app has not finished starting.");
        set => baseUrl = value;
    }

    /// <summary>The legacy-TLS second host (<see cref="DemoFlaws.LegacyTls"/>, <see cref="DemoFlaws.WeakCiphers"/>); null when not started.</summary>
    public Uri? LegacyTlsOrigin { get; set; }

    /// <summary>
    /// The descriptor's <c>baseUrl</c>: no trailing slash, as Connect apps write it. With a <see cref="HostName"/> the
    /// same port is named by that DNS name instead of 127.0.0.1.
    /// </summary>
    public string DescriptorBaseUrl => (HostName is { } name ? $"https://{name}:{BaseUrl.Port}" : BaseUrl.GetLeftPart(UriPartial.Authority))
        + BaseUrl.AbsolutePath.TrimEnd('/');

    /// <summary>The DNS name the descriptor's <c>baseUrl</c> uses (DNS-flaw apps only; resolvable only through the app's DNS responder).</summary>
    public string? HostName { get; set; }

    /// <summary>The extra HTTPS host of the certificate-flaw apps, which serves the <c>disabled</c> callback.</summary>
    public Uri? ExtraHostUrl { get; set; }

    /// <summary>The baseUrl path that QSH canonicalisation strips from request paths.</summary>
    public string BasePath => BaseUrl.AbsolutePath;

    public bool Has(DemoFlaws flaw) => flaw != DemoFlaws.None && (Options.Flaws & flaw) == flaw;

    public bool IsAdmin(string? accountId) => string.Equals(accountId, AdminAccountId, StringComparison.Ordinal);

    public static string Base64UrlSecret(int bytes) =>
        System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    public void Dispose() => InstallKeys.Dispose();
}
