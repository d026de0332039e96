namespace Rampart.Tracking;

/// <summary>The kebab-case spelling of roles on the wire and on the command line.</summary>
public static class RoleNames
{
    private static readonly Dictionary<string, Role> ByWire = new(StringComparer.Ordinal)
    {
        ["security-admin"] = Role.SecurityAdmin,
        ["security-analyst"] = Role.SecurityAnalyst,
        ["partner"] = Role.Partner,
        ["auditor"] = Role.Auditor,
        ["ingest"] = Role.Ingest,
        ["system"] = Role.System,
    };

    /// <summary>The roles a token may carry (everything but <see cref="Role.System"/>).</summary>
    public static IReadOnlyList<string> TokenRoles { get; } = ["security-admin", "security-analyst", "partner", "auditor", "ingest"];

    public static string ToWire(Role role) => role switch
    {
        Role.SecurityAdmin => "security-admin",
        Role.SecurityAnalyst => "security-analyst",
        Role.Partner => "partner",
        Role.Auditor => "auditor",
        Role.Ingest => "ingest",
        Role.System => "system",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };

    /// <summary>Parses a wire name; throws <see cref="ValidationException"/> naming the allowed values.</summary>
    public static Role Parse(string wire) =>
        TryParse(wire, out var role)
            ? role
            : throw new ValidationException("role", $"unknown role '{wire}'; expected one of {string.Join(", ", TokenRoles)}");

    public static bool TryParse(string? wire, out Role role) => ByWire.TryGetValue(wire?.Trim() ?? string.Empty, out role);
}
