namespace Rampart.DemoApps;

/// <summary>The built-in demo apps used by <c>rampart demo</c>, the tests and the benchmark.</summary>
public static class DemoFleet
{
    public static IReadOnlyList<DemoAppOptions> Standard { get; } =
    [
        new("secure-app", "Secure App"),
        new(
            "leaky-app",
            "Leaky App",
            DemoFlaws.UnauthenticatedPage | DemoFlaws.MissingReferrerPolicy | DemoFlaws.MissingCacheControl
                | DemoFlaws.InsecureSessionCookie | DemoFlaws.SecretInDescriptor | DemoFlaws.ElevatedScopes
                | DemoFlaws.NoSignedInstallOptIn | DemoFlaws.MissingHsts),
        new(
            "forgeable-app",
            "Forgeable App",
            DemoFlaws.AcceptsAlgNone | DemoFlaws.AcceptsAnySignature | DemoFlaws.TrustsQueryToken
                | DemoFlaws.PostUnauthenticated),
        new("lenient-jwt-app", "Lenient JWT App", DemoFlaws.IgnoresExpiry | DemoFlaws.IgnoresQsh | DemoFlaws.IgnoresIssuer),
        new("open-install-app", "Open Install App", DemoFlaws.ForgedInstallAccepted),
        new("broken-authz-app", "Broken Authz App", DemoFlaws.AdminPageServesAnyUser | DemoFlaws.LeakyReferrerPolicy),
        new("busy-app", "Busy App", DemoFlaws.RateLimited),
        new("weak-hsts-app", "Weak HSTS App", DemoFlaws.ShortHsts | DemoFlaws.HstsOnlyOn200),
        new("static-site", "Static Site", AuthenticationType: "none", StaticOnly: true),
        new("secret-page-app", "Secret Page App", DemoFlaws.SecretInPage | DemoFlaws.SecretInScript),
        new("token-collector-app", "Token Collector App", DemoFlaws.CollectsApiToken | DemoFlaws.BasicAuthInBrowser),
        new("legacy-tls-app", "Legacy TLS App", DemoFlaws.LegacyTls | DemoFlaws.WeakCiphers),
        new("expired-cert-app", "Expired Certificate App", DemoFlaws.ExpiredCertificate),
        new("wrong-host-cert-app", "Wrong Host Certificate App", DemoFlaws.WrongHostCertificate),
        new("expiring-cert-app", "Expiring Certificate App", DemoFlaws.ExpiringCertificate),
        new("dangling-dns-app", "Dangling DNS App", DemoFlaws.DanglingDelegation),
    ];
}
