using System.Collections.Frozen;
using System.Text.Json;

namespace Rampart.Scanning.Connect;

/// <summary>
/// Reads <c>lifecycle</c>. A callback is classified by the descriptor key that declares it, never by what its URL
/// contains: CSRT's substring test took <c>/install-guide</c> and <c>/uninstall-help</c> for install callbacks.
/// </summary>
internal static class LifecycleCallbacks
{
    public const string ModuleType = "lifecycle";

    /// <summary>The keys the product calls; anything else in <c>lifecycle</c> is never requested.</summary>
    private static readonly FrozenDictionary<string, LifecycleEvent> Events = new Dictionary<string, LifecycleEvent>(StringComparer.Ordinal)
    {
        ["installed"] = LifecycleEvent.Installed,
        ["uninstalled"] = LifecycleEvent.Uninstalled,
        ["enabled"] = LifecycleEvent.Enabled,
        ["disabled"] = LifecycleEvent.Disabled,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static void Collect(JsonElement lifecycle, string path, EndpointUrlResolver urls, EndpointList endpoints)
    {
        DescriptorJson.RequireObject(lifecycle, path);
        foreach (var member in lifecycle.EnumerateObject())
        {
            if (!Events.TryGetValue(member.Name, out var lifecycleEvent))
            {
                continue;
            }

            var memberPath = JsonPathText.Property(path, member.Name);
            var written = DescriptorJson.RequireString(member.Value, memberPath);
            if (urls.TryResolve(written, memberPath, allowRelative: true, out var url))
            {
                endpoints.Add(new ConnectEndpoint(url, written, memberPath, ModuleType, ModuleKey: null, EndpointRole.Lifecycle,
                    lifecycleEvent, Cacheable: false, IsAdmin: false, urls.IsThirdParty(url)));
            }
        }
    }
}
