namespace Rampart.Scanning.Connect;

/// <summary>One URL the descriptor names.</summary>
/// <param name="Url">Absolute URL to probe: relative URLs joined to <c>baseUrl</c>, templates filled and encoded.</param>
/// <param name="Template">The URL exactly as written in the descriptor.</param>
/// <param name="JsonPath">Where it was found, e.g. <c>$.modules.generalPages[2].url</c>.</param>
/// <param name="ModuleType">Module type (<c>generalPages</c>) or <c>lifecycle</c>.</param>
/// <param name="ModuleKey">The module's <c>key</c> when it has one.</param>
/// <param name="Lifecycle">Set for lifecycle callbacks, classified by their descriptor key, never by substring.</param>
/// <param name="Cacheable">The module declares <c>"cacheable": true</c>: skipped by the authentication check only.</param>
/// <param name="IsAdmin">An admin module by type, or guarded by a non-inverted <c>user_is_admin</c>/<c>user_is_sysadmin</c> condition.</param>
/// <param name="IsThirdParty">Absolute URL on a host the app does not serve from: recorded, never attacked.</param>
public sealed record ConnectEndpoint(
    Uri Url,
    string Template,
    string JsonPath,
    string ModuleType,
    string? ModuleKey,
    EndpointRole Role,
    LifecycleEvent? Lifecycle,
    bool Cacheable,
    bool IsAdmin,
    bool IsThirdParty);

public enum EndpointRole
{
    /// <summary>A page, panel, macro, dialog... rendered in the product (GET with a JWT).</summary>
    Module,

    /// <summary>A lifecycle callback (<c>installed</c>, <c>uninstalled</c>, <c>enabled</c>, <c>disabled</c>).</summary>
    Lifecycle,

    /// <summary>A webhook target (POSTed to by the product).</summary>
    Webhook,
}

public enum LifecycleEvent
{
    Installed,
    Uninstalled,
    Enabled,
    Disabled,
}
