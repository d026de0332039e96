using System.Text.Json;

namespace Rampart.Scanning.Connect;

/// <summary>
/// Collects the endpoints of <c>modules</c>: every module type, Jira, Confluence, Bitbucket or one this code has
/// never heard of, every module in it, and every object and list nested in a module, to any depth.
/// </summary>
/// <remarks>
/// Inside a module, a key named <c>url</c> names an endpoint, whatever object holds it: <c>renderModes.pdf.url</c>,
/// <c>editor.url</c>, a post-function's <c>view.url</c>/<c>edit.url</c>/<c>create.url</c>, <c>target.url</c>,
/// <c>blueprintContext.url</c>... The exceptions are listed, with reasons, in <see cref="NonEndpointKeys"/>.
/// CSRT did not descend into lists nested in modules, so it missed e.g. URLs in a list of render targets.
/// </remarks>
internal sealed class ModuleWalker(EndpointUrlResolver urls, EndpointList endpoints)
{
    public const string WebhooksType = "webhooks";

    public void Collect(JsonElement modules, string path)
    {
        DescriptorJson.RequireObject(modules, path);
        foreach (var type in modules.EnumerateObject())
        {
            var typePath = JsonPathText.Property(path, type.Name);
            switch (type.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    CollectModule(type.Name, type.Value, typePath);
                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var module in type.Value.EnumerateArray())
                    {
                        var modulePath = JsonPathText.Index(typePath, index++);
                        DescriptorJson.RequireObject(module, modulePath);
                        CollectModule(type.Name, module, modulePath);
                    }

                    break;
                default:
                    throw DescriptorJson.WrongType(type.Value, "an object or an array of objects", typePath);
            }
        }
    }

    private void CollectModule(string moduleType, JsonElement module, string path)
    {
        var key = DescriptorJson.OptionalString(module, "key", path);
        var role = moduleType == WebhooksType ? EndpointRole.Webhook : EndpointRole.Module;
        var scope = new ModuleScope(moduleType, key, role, AdminRule.IsAdmin(moduleType, module, path), Cacheable: false);
        CollectObject(module, path, scope, ownUrlIsStatic: false);
    }

    // Recursion is bounded: the input check refuses nesting deeper than DescriptorInput.MaxDepth.
    private void CollectObject(JsonElement obj, string path, ModuleScope scope, bool ownUrlIsStatic)
    {
        // "cacheable" on the module or on any object between it and the URL.
        if (DescriptorJson.OptionalBoolean(obj, "cacheable", path) == true)
        {
            scope = scope with { Cacheable = true };
        }

        var relativeIsAppPath = !(obj.TryGetProperty("context", out var context)
            && context.ValueKind == JsonValueKind.String
            && NonEndpointKeys.NonAppUrlContexts.Contains(context.GetString()!));

        foreach (var member in obj.EnumerateObject())
        {
            var value = member.Value;
            var isUrl = member.NameEquals("url");
            var condition = !isUrl && value.ValueKind == JsonValueKind.String && member.NameEquals("condition")
                ? value.GetString()
                : null;
            var isRemoteCondition = condition is not null && IsRemoteCondition(condition);
            if (!isUrl && !isRemoteCondition && value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                // Most members are names, keys and flags; skipping them before building a path keeps a large
                // descriptor cheap to walk.
                continue;
            }

            var name = member.Name;
            if (NonEndpointKeys.SkippedSubtrees.Contains(name))
            {
                continue;
            }

            var memberPath = JsonPathText.Property(path, name);
            if (isUrl)
            {
                var written = DescriptorJson.RequireString(value, memberPath);
                if (!ownUrlIsStatic)
                {
                    Add(written, memberPath, scope, relativeIsAppPath);
                }
            }
            else if (isRemoteCondition)
            {
                // A remote condition is requested by the product for whoever views the page, so it is neither admin
                // nor cached, whatever the module it guards.
                Add(condition!, memberPath, scope with { Role = EndpointRole.Module, IsAdmin = false, Cacheable = false }, allowRelative: true);
            }
            else if (value.ValueKind == JsonValueKind.Object)
            {
                CollectObject(value, memberPath, ScopeOf(scope, name), NonEndpointKeys.StaticResourceHolders.Contains(name));
            }
            else
            {
                CollectArray(value, memberPath, ScopeOf(scope, name));
            }
        }
    }

    private void CollectArray(JsonElement array, string path, ModuleScope scope)
    {
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = JsonPathText.Index(path, index++);
            if (item.ValueKind == JsonValueKind.Object)
            {
                CollectObject(item, itemPath, scope, ownUrlIsStatic: false);
            }
            else if (item.ValueKind == JsonValueKind.Array)
            {
                CollectArray(item, itemPath, scope);
            }
        }
    }

    private void Add(string written, string path, ModuleScope scope, bool allowRelative)
    {
        if (urls.TryResolve(written, path, allowRelative, out var url))
        {
            endpoints.Add(new ConnectEndpoint(url, written, path, scope.ModuleType, scope.ModuleKey, scope.Role,
                Lifecycle: null, scope.Cacheable, scope.IsAdmin, urls.IsThirdParty(url)));
        }
    }

    /// <summary>
    /// A workflow post-function's <c>triggered.url</c> is POSTed by Jira each time the transition runs, which is
    /// what a webhook is; its <c>view</c>, <c>edit</c> and <c>create</c> are pages.
    /// </summary>
    private static ModuleScope ScopeOf(ModuleScope scope, string memberName) =>
        scope.ModuleType == "jiraWorkflowPostFunctions" && memberName == "triggered"
            ? scope with { Role = EndpointRole.Webhook }
            : scope;

    /// <summary>
    /// Connect once let a condition be a URL the product calls (with a JWT) to decide whether to show a module.
    /// Condition names are identifiers, so a value that is a path or an http(s) URL can only be one of those.
    /// </summary>
    private static bool IsRemoteCondition(string condition) =>
        condition.StartsWith('/')
        || condition.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || condition.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
