using Rampart.Catalog;

namespace Rampart.Forge.Checks;

/// <summary>One Forge check: stable id, the requirement it maps to in the 2026 catalog, FSRT's severity where FSRT has one.</summary>
public sealed record ForgeCheck(string Id, string RequirementId, Severity Severity, string Title, string Remediation);

/// <summary>The Forge static-analysis checks. Ids are referenced by the catalogs (src/Rampart.Catalog/catalogs) and never reused.</summary>
public static class ForgeChecks
{
    public static ForgeCheck AuthorizationBypass { get; } = new("RMP-FORGE-001", "1.2", Severity.High,
        "asApp() product API call reachable from a user-invoked entry point without a permission check",
        "Call the product API with asUser(), or check the user's permission first (Forge authorize API or a permissions REST call) on every path to the asApp() call.");

    public static ForgeCheck UnauthenticatedWebTrigger { get; } = new("RMP-FORGE-002", "1.1", Severity.High,
        "Web trigger reaches asApp() or app storage without authenticating the caller",
        "Web trigger URLs carry no authentication: verify a shared secret or signature from the request headers (constant-time comparison) before acting.");

    public static ForgeCheck HardcodedSecret { get; } = new("RMP-FORGE-003", "5", Severity.High,
        "Hard-coded secret in code or in the manifest",
        "Keep secrets in encrypted Forge environment variables (process.env) or kvs.setSecret, and use {{runtime templates}} in OAuth providers; rotate the exposed secret.");

    public static ForgeCheck AtlassianCredentials { get; } = new("RMP-FORGE-004", "10", Severity.Critical,
        "Atlassian API token or basic auth used against product APIs",
        "Do not collect or use user API tokens, passwords or admin/container tokens: call product APIs through asUser()/asApp() with declared scopes.");

    public static ForgeCheck LeastPrivilege { get; } = new("RMP-FORGE-005", "4", Severity.Low,
        "Declared scope not needed by the app's product API calls",
        "Remove unused scopes from permissions.scopes and prefer the narrowest scope the calls need.");

    public static ForgeCheck Egress { get; } = new("RMP-FORGE-006", "3", Severity.Medium,
        "Wildcard or plain-HTTP egress",
        "Declare each external domain explicitly under permissions.external and use https:// only.");

    public static ForgeCheck UnsafeCsp { get; } = new("RMP-FORGE-007", "7.5", Severity.Medium,
        "Content Security Policy opt-in to unsafe-inline or unsafe-eval",
        "Remove 'unsafe-inline'/'unsafe-eval' from permissions.content; move inline scripts and styles into bundled files.");

    public static ForgeCheck CodeExecution { get; } = new("RMP-FORGE-008", "8.3", Severity.High,
        "Child process or evaluation of dynamic code",
        "Do not spawn child processes or evaluate strings as code; implement the logic in the function itself.");

    public static ForgeCheck SqlInjection { get; } = new("RMP-FORGE-009", "8.4", Severity.High,
        "Forge SQL statement built from values instead of parameters",
        "Use sql.prepare('... WHERE id = ?').bindParams(value) instead of building the statement text.");

    public static ForgeCheck Ssrf { get; } = new("RMP-FORGE-010", "8", Severity.High,
        "User input decides the host of an outbound request (SSRF)",
        "Build outbound URLs from a fixed origin and validate input against an allowlist; never fetch a URL taken from the request.");

    public static ForgeCheck EndOfLifeRuntime { get; } = new("RMP-FORGE-011", "9.1", Severity.Medium,
        "End-of-life Node.js runtime",
        "Move app.runtime.name to a supported Node.js runtime (nodejs22.x or later).");

    public static ForgeCheck PersonalData { get; } = new("RMP-FORGE-012", "2", Severity.Medium,
        "Personal data stored without the personal-data reporting scope",
        "Declare report:personal-data and implement the Personal Data Reporting API for stored account ids, or do not store them.");

    public static ForgeCheck RovoActionVerb { get; } = new("RMP-FORGE-013", "1.6", Severity.Medium,
        "Rovo action declared read-only (actionVerb GET) writes data",
        "Declare the actionVerb that matches what the handler does (CREATE, UPDATE, DELETE or TRIGGER) so users confirm it.");

    public static IReadOnlyList<ForgeCheck> All { get; } =
    [
        AuthorizationBypass, UnauthenticatedWebTrigger, HardcodedSecret, AtlassianCredentials, LeastPrivilege, Egress, UnsafeCsp,
        CodeExecution, SqlInjection, Ssrf, EndOfLifeRuntime, PersonalData, RovoActionVerb,
    ];
}
