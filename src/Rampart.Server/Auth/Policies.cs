using Microsoft.AspNetCore.Authorization;

namespace Rampart.Server.Auth;

/// <summary>
/// The role gate in front of every endpoint (README "Roles"). The services check roles and partner scope
/// again themselves; this layer refuses early and names the roles that would have been allowed.
/// </summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Triage = "triage";
    public const string Read = "read";
    public const string Ingest = "ingest";
    public const string TicketWrite = "ticket-write";
    public const string Oversight = "oversight";

    /// <summary>Policy name → the wire role names it admits.</summary>
    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>
    {
        [Admin] = ["security-admin"],
        [Triage] = ["security-admin", "security-analyst"],
        [Read] = ["security-admin", "security-analyst", "auditor", "partner"],
        [Ingest] = ["security-admin", "security-analyst", "ingest"],
        [TicketWrite] = ["security-admin", "security-analyst", "partner"],
        [Oversight] = ["security-admin", "security-analyst", "auditor"],
    };

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, roles) in Roles)
        {
            options.AddPolicy(name, policy => policy
                .AddAuthenticationSchemes(BearerTokenHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireRole(roles));
        }
    }
}
