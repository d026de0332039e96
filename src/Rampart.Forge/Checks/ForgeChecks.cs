using Rampart.Catalog;

namespace Rampart.Forge.Checks;

/// <summary>
/// The Forge static-analysis checks, by what the analysis finds. Their metadata (title, requirement, severity,
/// remediation) is each one's <see cref="CheckRecord"/> in src/Rampart.Catalog/checks.yaml; severities follow FSRT's
/// where FSRT has one.
/// </summary>
public static class ForgeChecks
{
    public static CheckRecord AuthorizationBypass { get; } = Record("RMP-FORGE-001");

    public static CheckRecord UnauthenticatedWebTrigger { get; } = Record("RMP-FORGE-002");

    public static CheckRecord HardcodedSecret { get; } = Record("RMP-FORGE-003");

    public static CheckRecord AtlassianCredentials { get; } = Record("RMP-FORGE-004");

    public static CheckRecord LeastPrivilege { get; } = Record("RMP-FORGE-005");

    public static CheckRecord Egress { get; } = Record("RMP-FORGE-006");

    public static CheckRecord UnsafeCsp { get; } = Record("RMP-FORGE-007");

    public static CheckRecord CodeExecution { get; } = Record("RMP-FORGE-008");

    public static CheckRecord SqlInjection { get; } = Record("RMP-FORGE-009");

    public static CheckRecord Ssrf { get; } = Record("RMP-FORGE-010");

    public static CheckRecord EndOfLifeRuntime { get; } = Record("RMP-FORGE-011");

    public static CheckRecord PersonalData { get; } = Record("RMP-FORGE-012");

    public static CheckRecord RovoActionVerb { get; } = Record("RMP-FORGE-013");

    public static IReadOnlyList<CheckRecord> All { get; } =
    [
        AuthorizationBypass, UnauthenticatedWebTrigger, HardcodedSecret, AtlassianCredentials, LeastPrivilege, Egress, UnsafeCsp,
        CodeExecution, SqlInjection, Ssrf, EndOfLifeRuntime, PersonalData, RovoActionVerb,
    ];

    private static CheckRecord Record(string id) => CheckRegistry.Embedded.Get(id);
}
