using Rampart.Scanning.Checks;
using Rampart.Scanning.Checks.Authentication;
using Rampart.Scanning.Checks.Certificates;
using Rampart.Scanning.Checks.Content;
using Rampart.Scanning.Checks.Descriptor;
using Rampart.Scanning.Checks.Dns;
using Rampart.Scanning.Checks.Headers;
using Rampart.Scanning.Checks.Transport;
using Rampart.Scanning.Checks.Tls;

namespace Rampart.Scanning.Engine;

/// <summary>The checks of a Connect scan, in report order.</summary>
public static class ConnectChecks
{
    public static IReadOnlyList<ICheck> All() =>
    [
        new UnauthenticatedAccessCheck(),
        new DifferentialAuthenticationCheck(),
        new AuthorizationCheck(),
        new SignedInstallCheck(),
        new SignedInstallOptInCheck(),
        new ScopesCheck(),
        new DescriptorSecretsCheck(),
        new ReferrerPolicyCheck(),
        new CacheControlCheck(),
        new SessionCookieCheck(),
        new DomainResolutionCheck(),
        new SubdomainTakeoverCheck(),
        new HstsCheck(),
        new CertificateCheck(),
        new TlsProtocolCheck(),
        new TlsCipherSuiteCheck(),
        new ServedSecretsCheck(),
        new CredentialCollectionCheck(),
    ];
}
