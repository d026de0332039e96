namespace Rampart.DemoApps;

/// <summary>
/// Deliberate defects a demo app can carry. Each flag changes only the behaviour it names, so a scanner's findings
/// can be compared one for one against the flags that were switched on. The HS256 flaws (alg none, any signature,
/// expiry, qsh, issuer, query token) live in the app's single JWT validator, so like a real vendor's bug they reach
/// module pages, webhooks and the enabled/disabled callbacks alike.
/// </summary>
[Flags]
#pragma warning disable CA1028 // long leaves room for later flaws without changing the public contract
public enum DemoFlaws : long
#pragma warning restore CA1028
{
    None = 0,

    /// <summary>
    /// <c>/pages/report</c> serves tenant data (the site URL and a JSON <c>accountId</c>) to a request that carries no
    /// token at all; a presented token is still validated. The page always contains the words "error" and "invalid",
    /// so a scanner relying on CSRT's body-word heuristic misses this flaw.
    /// </summary>
    UnauthenticatedPage = 1 << 0,

    /// <summary>
    /// Every HS256-authenticated endpoint accepts an unsigned <c>alg: none</c> JWT. An unverified token is not bound to
    /// a tenant, so an unknown <c>iss</c> resolves to the test installation.
    /// </summary>
    AcceptsAlgNone = 1 << 1,

    /// <summary>
    /// HS256 signatures are not verified (forged or tampered signatures are accepted; an unknown <c>iss</c> resolves
    /// to the test installation). <c>exp</c> and <c>qsh</c> are still checked.
    /// </summary>
    AcceptsAnySignature = 1 << 2,

    /// <summary><c>exp</c> is not checked; the token must otherwise be valid.</summary>
    IgnoresExpiry = 1 << 3,

    /// <summary><c>qsh</c> is not checked (neither a computed hash nor <c>context-qsh</c> is required).</summary>
    IgnoresQsh = 1 << 4,

    /// <summary>
    /// Tokens are verified with the test installation's shared secret whatever their <c>iss</c>: a token naming
    /// another clientKey but signed with this secret is accepted.
    /// </summary>
    IgnoresIssuer = 1 << 5,

    /// <summary>A token in <c>?jwt=</c> is decoded and trusted without any verification; header tokens are still verified.</summary>
    TrustsQueryToken = 1 << 6,

    /// <summary>Module pages (admin pages included) answer POST with content without looking at any token; GET stays protected.</summary>
    PostUnauthenticated = 1 << 7,

    /// <summary>
    /// <c>installed</c>/<c>uninstalled</c> accept an RS256 install JWT whose <c>kid</c> is unknown, skipping its
    /// verification (signature, <c>aud</c>, <c>iss</c>, <c>qsh</c>, <c>exp</c>) the way apps do when the key fetch fails.
    /// </summary>
    ForgedInstallAccepted = 1 << 8,

    /// <summary>The descriptor lacks <c>apiMigrations."signed-install": true</c>.</summary>
    NoSignedInstallOptIn = 1 << 9,

    /// <summary>Admin pages serve a valid token of a non-admin user.</summary>
    AdminPageServesAnyUser = 1 << 10,

    /// <summary>No <c>Referrer-Policy</c> header and no referrer meta tag.</summary>
    MissingReferrerPolicy = 1 << 11,

    /// <summary>
    /// <c>Referrer-Policy: strict-origin, unsafe-url</c>: the last valid token wins, so the effective policy is
    /// <c>unsafe-url</c> (the meta tag says <c>unsafe-url</c> as well).
    /// </summary>
    LeakyReferrerPolicy = 1 << 12,

    /// <summary>No <c>Cache-Control</c> header.</summary>
    MissingCacheControl = 1 << 13,

    /// <summary>The <c>connect.sid</c> session cookie lacks <c>Secure</c> and <c>HttpOnly</c>.</summary>
    InsecureSessionCookie = 1 << 14,

    /// <summary>
    /// The descriptor carries a webItem URL with <c>?access_token=&lt;40 hex&gt;</c> and a string holding an AWS-style
    /// access key id (<c>AKIA</c> + 16 upper-case characters).
    /// </summary>
    SecretInDescriptor = 1 << 15,

    /// <summary>Scopes <c>["READ","ADMIN","ACT_AS_USER"]</c> instead of <c>["READ"]</c>.</summary>
    ElevatedScopes = 1 << 16,

    /// <summary><c>/pages/busy</c> answers 429 with <c>Retry-After: 120</c> to every request.</summary>
    RateLimited = 1 << 17,

    /// <summary>No <c>Strict-Transport-Security</c> header on any response.</summary>
    MissingHsts = 1L << 18,

    /// <summary><c>Strict-Transport-Security: max-age=86400</c> (a day instead of at least a year) on every response.</summary>
    ShortHsts = 1L << 19,

    /// <summary>
    /// <c>Strict-Transport-Security</c> only on 2xx responses: 401s, 403s, 404s and redirects (such as the 302 to the
    /// login page) lack it, which CSRT misses because it only looks at responses below 400 that it did not follow.
    /// </summary>
    HstsOnlyOn200 = 1L << 20,

    /// <summary>
    /// The report page's inline script assigns a high-entropy <c>sharedSecret</c> and an AWS secret access key to
    /// <c>window.demoConfig</c>; the secure page assigns only a CSRF token and an empty <c>sharedSecret</c>.
    /// </summary>
    SecretInPage = 1L << 24,

    /// <summary>
    /// <c>/assets/app.js.map</c> (named by the script's <c>sourceMappingURL</c> and <c>SourceMap</c> header) holds a
    /// GitHub personal access token in the <c>sourcesContent</c> of <c>src/config.ts</c>; the secure map reads it from
    /// the build environment.
    /// </summary>
    SecretInScript = 1L << 25,

    /// <summary>
    /// The settings page asks for an Atlassian API token (a password input named <c>api_token</c> with its label) and
    /// links to the API-token page; the secure page has a search box, a hidden CSRF token and an OAuth link.
    /// </summary>
    CollectsApiToken = 1L << 26,

    /// <summary><c>/assets/app.js</c> builds <c>Authorization: Basic</c> from the user's e-mail and API token with <c>btoa</c>.</summary>
    BasicAuthInBrowser = 1L << 27,

    /// <summary>
    /// The descriptor names a second host (<c>generalPages</c> <c>legacy-report</c> on its own port), a BouncyCastle
    /// TLS server relaying to the app that accepts TLS 1.0 and TLS 1.1 besides TLS 1.2. Those versions have no AEAD
    /// suite, so it also accepts ECDHE CBC-SHA suites (RMP-TLS-002 advisory).
    /// </summary>
    LegacyTls = 1L << 28,

    /// <summary>
    /// The second host (see <see cref="LegacyTls"/>, started for either flag) also accepts RSA key exchange CBC-SHA
    /// suites and <c>TLS_RSA_WITH_3DES_EDE_CBC_SHA</c>.
    /// </summary>
    WeakCiphers = 1L << 29,

    /// <summary>
    /// The descriptor's <c>disabled</c> callback lives on an extra HTTPS host (a second listener on 127.0.0.1) whose
    /// certificate, from the demo CA, expired the day before the app started.
    /// </summary>
    ExpiredCertificate = 1L << 21,

    /// <summary>As <see cref="ExpiredCertificate"/>, but the extra host's certificate names only <c>wrong-host.rampart-demo.test</c>.</summary>
    WrongHostCertificate = 1L << 22,

    /// <summary>As <see cref="ExpiredCertificate"/>, but the extra host's certificate is valid and expires in 10 days: advisory only.</summary>
    ExpiringCertificate = 1L << 23,

    /// <summary>
    /// The descriptor's <c>baseUrl</c> host (<c>app.&lt;key&gt;.rampart-demo.test</c>) resolves, through the app's own DNS
    /// responder, to 127.0.0.1, but its zone is delegated to <c>ns1.lapsed-dns-provider.test</c>, a name that does not
    /// exist (NXDOMAIN). Scans must use <see cref="DemoApp.DnsServer"/> as their DNS server.
    /// </summary>
    DanglingDelegation = 1L << 30,
}
