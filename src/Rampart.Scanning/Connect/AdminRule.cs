using System.Buffers;
using System.Collections.Frozen;
using System.Text.Json;

namespace Rampart.Scanning.Connect;

/// <summary>
/// Decides whether a module is reserved to administrators, so the authorization check can expect a non-admin user's
/// JWT to be refused there.
/// </summary>
/// <remarks>
/// A module is admin when
/// <list type="number">
/// <item>its type is one the product shows only to administrators (<see cref="AdminModuleTypes"/>), or</item>
/// <item>its own <c>conditions</c> list requires an administrator. The list is a conjunction, so one admin entry is
/// enough. An entry requires an administrator when it is
/// <list type="bullet">
/// <item>a single condition named in <see cref="AdminConditionNames"/> (an optional product prefix such as
/// <c>jira:</c> is ignored), or <c>has_global_permission</c> / <c>has_project_permission</c> with an administrative
/// <c>params.permission</c>, and not <c>"invert": true</c> (an inverted admin condition shows the module to
/// everyone <em>but</em> administrators);</item>
/// <item>an <c>{"and": [...]}</c> compound with at least one entry that requires an administrator;</item>
/// <item>an <c>{"or": [...]}</c> compound whose every branch requires an administrator (one open branch lets
/// anyone in);</item>
/// <item>never an inverted compound.</item>
/// </list>
/// Compounds nest to any depth, and the <c>{"type": "and", "conditions": [...]}</c> spelling is read too.</item>
/// </list>
/// The decision is per module: a sibling's admin condition says nothing about this module. CSRT applied it to every
/// module of the type, ignored <c>invert</c> and <c>and</c>, and compared the wrong value inside <c>or</c>.
/// </remarks>
internal static class AdminRule
{
    /// <summary>
    /// <c>configurePage</c> and <c>adminPages</c> are rendered in the product's administration area, which only
    /// site (Jira, Confluence) or workspace (Bitbucket) administrators reach. <c>jiraProjectAdminTabPanels</c> are
    /// rendered in project settings, which only project administrators reach.
    /// Deliberately absent:
    /// <c>postInstallPage</c> is linked from "Manage apps" but the product does not restrict the page itself, so a
    /// non-admin may legitimately load it;
    /// <c>spaceToolsTabs</c> appear in a space's tools, which the module documentation does not reserve to space
    /// administrators (the "contenttools" location, for one, is not administrative);
    /// <c>jiraProjectPermissions</c> and <c>jiraGlobalPermissions</c> declare permissions and name no URL.
    /// A module of any of these types is still admin when its conditions say so.
    /// </summary>
    public static readonly FrozenSet<string> AdminModuleTypes =
        FrozenSet.Create(StringComparer.Ordinal, "configurePage", "adminPages", "jiraProjectAdminTabPanels");

    /// <summary>
    /// Site administrators (<c>user_is_admin</c>, <c>user_is_sysadmin</c>, Confluence's
    /// <c>user_is_confluence_administrator</c>) and Jira project administrators (<c>user_is_project_admin</c>, the
    /// condition equivalent of <c>jiraProjectAdminTabPanels</c>). <c>is_admin_mode</c> is absent: it tells where the
    /// user is, not who they are.
    /// </summary>
    public static readonly FrozenSet<string> AdminConditionNames = FrozenSet.Create(StringComparer.Ordinal,
        "user_is_admin", "user_is_sysadmin", "user_is_confluence_administrator", "user_is_project_admin");

    private static readonly FrozenSet<string> AdminGlobalPermissions =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "ADMINISTER", "SYSTEM_ADMIN");

    private static readonly FrozenSet<string> AdminProjectPermissions =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "ADMINISTER_PROJECTS");

    private static readonly SearchValues<char> LowerAsciiLetters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    public static bool IsAdmin(string moduleType, JsonElement module, string modulePath)
    {
        // The conditions are read even for admin types, so a malformed list is reported whatever the type.
        var byConditions = module.TryGetProperty("conditions", out var conditions)
            && AnyRequiresAdmin(conditions, JsonPathText.Property(modulePath, "conditions"));
        return byConditions || AdminModuleTypes.Contains(moduleType);
    }

    /// <summary>A list of conditions all of which must hold: admin when any one of them requires an administrator.</summary>
    private static bool AnyRequiresAdmin(JsonElement list, string path)
    {
        DescriptorJson.RequireArray(list, path);
        var any = false;
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            any |= RequiresAdmin(entry, JsonPathText.Index(path, index++));
        }

        return any;
    }

    private static bool RequiresAdmin(JsonElement entry, string path)
    {
        DescriptorJson.RequireObject(entry, path);
        var inverted = DescriptorJson.OptionalBoolean(entry, "invert", path) == true;

        if (entry.TryGetProperty("and", out var and))
        {
            return AnyRequiresAdmin(and, JsonPathText.Property(path, "and")) && !inverted;
        }

        if (entry.TryGetProperty("or", out var or))
        {
            return EveryRequiresAdmin(or, JsonPathText.Property(path, "or")) && !inverted;
        }

        if (entry.TryGetProperty("conditions", out var nested))
        {
            var type = DescriptorJson.OptionalString(entry, "type", path);
            var nestedPath = JsonPathText.Property(path, "conditions");
            var admin = string.Equals(type, "or", StringComparison.OrdinalIgnoreCase)
                ? EveryRequiresAdmin(nested, nestedPath)
                : AnyRequiresAdmin(nested, nestedPath);
            return admin && !inverted;
        }

        var name = DescriptorJson.OptionalString(entry, "condition", path);
        return name is not null && !inverted && IsAdminCondition(StripProductPrefix(name), entry, path);
    }

    /// <summary>Alternatives: admin only when no branch lets a non-administrator through.</summary>
    private static bool EveryRequiresAdmin(JsonElement list, string path)
    {
        DescriptorJson.RequireArray(list, path);
        var every = true;
        var count = 0;
        foreach (var branch in list.EnumerateArray())
        {
            // Every branch is evaluated, not just up to the first open one, so type errors are found in all of them.
            every &= RequiresAdmin(branch, JsonPathText.Index(path, count++));
        }

        return every && count > 0;
    }

    private static bool IsAdminCondition(string name, JsonElement entry, string path)
    {
        if (AdminConditionNames.Contains(name))
        {
            return true;
        }

        var permissions = name switch
        {
            "has_global_permission" => AdminGlobalPermissions,
            "has_project_permission" => AdminProjectPermissions,
            _ => null,
        };
        if (permissions is null || !entry.TryGetProperty("params", out var parameters))
        {
            return false;
        }

        var paramsPath = JsonPathText.Property(path, "params");
        DescriptorJson.RequireObject(parameters, paramsPath);
        var permission = DescriptorJson.OptionalString(parameters, "permission", paramsPath);
        return permission is not null && permissions.Contains(permission);
    }

    private static string StripProductPrefix(string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && !name.AsSpan(0, colon).ContainsAnyExcept(LowerAsciiLetters) ? name[(colon + 1)..] : name;
    }
}
