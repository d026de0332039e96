using Rampart.Scanning.Checks;
using Rampart.Scanning.Checks.Authentication;
using Rampart.Scanning.Checks.Content;
using Rampart.Scanning.Checks.Descriptor;
using Rampart.Scanning.Checks.Headers;

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
        new ServedSecretsCheck(),
        new CredentialCollectionCheck(),
    ];
}
