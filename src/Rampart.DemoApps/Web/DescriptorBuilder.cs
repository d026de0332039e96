using System.Text.Json.Nodes;

namespace Rampart.DemoApps.Web;

/// <summary>
/// The app's <c>atlassian-connect.json</c>. The module set is chosen to exercise every way a scanner can misread a
/// descriptor: admin conditions on one sibling only, an inverted condition, a third-party URL, two placeholders
/// in one URL, a cacheable macro, nested macro and workflow URLs, and a non-lifecycle path containing "install".
/// </summary>
internal static class DescriptorBuilder
{
    public static JsonObject Build(DemoRuntime runtime)
    {
        var options = runtime.Options;
        var descriptor = new JsonObject
        {
            ["key"] = options.Key,
            ["name"] = options.Name,
            ["description"] = $"{options.Name}: a Rampart demo app.",
            ["vendor"] = new JsonObject { ["name"] = "Rampart Demo Vendor", ["url"] = "https://vendor.example.org" },
            ["baseUrl"] = runtime.DescriptorBaseUrl,
            ["authentication"] = new JsonObject { ["type"] = options.AuthenticationType },
            ["scopes"] = runtime.Has(DemoFlaws.ElevatedScopes)
                ? new JsonArray("READ", "ADMIN", "ACT_AS_USER")
                : new JsonArray("READ"),
        };

        if (options.StaticOnly)
        {
            descriptor["modules"] = StaticModules();
        }
        else
        {
            var migrations = new JsonObject();
            if (!runtime.Has(DemoFlaws.NoSignedInstallOptIn))
            {
                migrations["signed-install"] = true;
            }

            migrations["context-qsh"] = true;
            descriptor["apiMigrations"] = migrations;
            descriptor["lifecycle"] = new JsonObject
            {
                ["installed"] = DemoPaths.Installed,
                ["uninstalled"] = DemoPaths.Uninstalled,
                ["enabled"] = DemoPaths.Enabled,
                // The certificate-flaw apps serve this callback from their extra host, so the descriptor names it.
                ["disabled"] = runtime.ExtraHostUrl is { } extra ? new Uri(extra, DemoPaths.Disabled).ToString() : DemoPaths.Disabled,
            };
            descriptor["modules"] = ConnectModules(runtime);
        }

        if (runtime.Has(DemoFlaws.SecretInDescriptor))
        {
            var modules = descriptor["modules"]!.AsObject();
            if (modules["webItems"] is not JsonArray webItems)
            {
                modules["webItems"] = webItems = [];
            }

            var leaky = WebItem("export", "Export", $"{DemoPaths.Export}?access_token={runtime.DescriptorAccessToken}");
            leaky["params"] = new JsonObject { ["awsAccessKeyId"] = runtime.DescriptorAwsKeyId };
            webItems.Add(leaky);
        }

        return descriptor;
    }

    private static JsonObject StaticModules() => new()
    {
        ["generalPages"] = new JsonArray(
            Page("overview", "Overview", DemoPaths.StaticIndex),
            Page("help", "Help", DemoPaths.StaticHelp)),
    };

    private static JsonObject ConnectModules(DemoRuntime runtime)
    {
        var generalPages = new JsonArray(
            Page("report", "Report", DemoPaths.Report),
            Page("settings", "Settings", DemoPaths.Settings),
            Page("install-guide", "Install guide", DemoPaths.InstallGuide),
            Page("help", "Help", DemoPaths.StaticHelp),
            Page("issue-view", "Issue view", DemoPaths.IssueViewTemplate),
            Page("busy", "Busy page", DemoPaths.Busy));
        if (runtime.LegacyTlsOrigin is { } legacy)
        {
            // An absolute URL on the second host: same host name, other port, so it is one of the app's own origins.
            generalPages.Add(Page("legacy-report", "Report (legacy host)", new Uri(legacy, DemoPaths.Report.TrimStart('/')).ToString()));
        }

        for (var i = 1; i <= runtime.Options.ExtraPages; i++)
        {
            generalPages.Add(Page($"extra-{i}", $"Extra page {i}", DemoPaths.ExtraPrefix + i));
        }

        var adminTools = WebItem("admin-tools", "Admin tools", DemoPaths.AdminTools);
        adminTools["conditions"] = new JsonArray(new JsonObject { ["condition"] = "user_is_admin" });
        var nonAdminOnly = WebItem("getting-started", "Getting started", DemoPaths.NonAdminOnly);
        nonAdminOnly["conditions"] = new JsonArray(new JsonObject { ["condition"] = "user_is_admin", ["invert"] = true });
        var external = WebItem("external-help", "Documentation", DemoPaths.ThirdPartyHelp);
        external["context"] = "page";

        return new JsonObject
        {
            ["generalPages"] = generalPages,
            ["adminPages"] = new JsonArray(Page("config", "Configuration", DemoPaths.AdminConfig)),
            ["configurePage"] = Page("configure", "Configure", DemoPaths.AdminConfigure),
            ["webItems"] = new JsonArray(adminTools, WebItem("tools", "Tools", DemoPaths.Tools), nonAdminOnly, external),
            ["webPanels"] = new JsonArray(new JsonObject
            {
                ["key"] = "issue-summary",
                ["name"] = Name("Issue summary"),
                ["location"] = "atl.jira.view.issue.right.context",
                ["url"] = DemoPaths.IssuePanelTemplate,
            }),
            ["dynamicContentMacros"] = new JsonArray(new JsonObject
            {
                ["key"] = "status-macro",
                ["name"] = Name("Status"),
                ["url"] = DemoPaths.MacroDynamicTemplate,
                ["outputType"] = "block",
                ["bodyType"] = "none",
                ["renderModes"] = new JsonObject
                {
                    ["default"] = new JsonObject { ["url"] = DemoPaths.MacroExportTemplate },
                },
                ["editor"] = new JsonObject
                {
                    ["url"] = DemoPaths.MacroEditor,
                    ["editTitle"] = Name("Edit status"),
                    ["width"] = "600px",
                    ["height"] = "400px",
                },
            }),
            ["staticContentMacros"] = new JsonArray(new JsonObject
            {
                ["key"] = "cached-macro",
                ["name"] = Name("Cached note"),
                ["url"] = DemoPaths.MacroCached,
                ["cacheable"] = true,
                ["outputType"] = "block",
                ["bodyType"] = "none",
            }),
            ["jiraWorkflowPostFunctions"] = new JsonArray(new JsonObject
            {
                ["key"] = "stamp-post-function",
                ["name"] = Name("Stamp issue"),
                ["view"] = new JsonObject { ["url"] = DemoPaths.PostFunctionView },
                ["edit"] = new JsonObject { ["url"] = DemoPaths.PostFunctionEdit },
                ["create"] = new JsonObject { ["url"] = DemoPaths.PostFunctionCreate },
                ["triggered"] = new JsonObject { ["url"] = DemoPaths.PostFunctionTriggered },
            }),
            ["webhooks"] = new JsonArray(new JsonObject
            {
                ["event"] = "jira:issue_created",
                ["url"] = DemoPaths.WebhookIssueCreated,
            }),
        };
    }

    private static JsonObject Page(string key, string name, string url) => new()
    {
        ["key"] = key,
        ["name"] = Name(name),
        ["url"] = url,
    };

    private static JsonObject WebItem(string key, string name, string url) => new()
    {
        ["key"] = key,
        ["name"] = Name(name),
        ["location"] = "system.top.navigation.bar",
        ["url"] = url,
    };

    private static JsonObject Name(string value) => new() { ["value"] = value };
}
