using Rampart.Scanning.Connect;

namespace Rampart.Scanning.Tests.Connect;

/// <summary>A descriptor using Jira, Confluence and Bitbucket modules, with every endpoint spelt out.</summary>
public sealed class RealisticDescriptorTests
{
    private const string App = "https://acme-app.example.com/connect";

    private readonly ConnectDescriptor descriptor = DescriptorFixtures.ParseFile("realistic-multi-product.json");

    [Fact]
    public void Every_endpoint_is_found_classified_and_in_document_order()
    {
        string[] expected =
        [
            $"Lifecycle lifecycle/- {App}/lifecycle/installed @ $.lifecycle.installed lifecycle=Installed",
            $"Lifecycle lifecycle/- {App}/lifecycle/uninstalled @ $.lifecycle.uninstalled lifecycle=Uninstalled",
            $"Lifecycle lifecycle/- {App}/lifecycle/enabled @ $.lifecycle.enabled lifecycle=Enabled",
            $"Lifecycle lifecycle/- {App}/lifecycle/disabled @ $.lifecycle.disabled lifecycle=Disabled",
            $"Module generalPages/dashboard-page {App}/pages/dashboard?project=test @ $.modules.generalPages[0].url cacheable",
            $"Module generalPages/install-guide {App}/install-guide @ $.modules.generalPages[1].url",
            $"Module generalPages/help-page {App}/help/test/topic/test @ $.modules.generalPages[2].url",
            $"Module generalPages/help-page {App}/conditions/feature-enabled @ $.modules.generalPages[2].conditions[1].condition",
            $"Module adminPages/admin-settings {App}/admin/settings @ $.modules.adminPages[0].url admin",
            $"Module configurePage/configure {App}/admin/configure @ $.modules.configurePage.url admin",
            $"Module postInstallPage/get-started {App}/get-started @ $.modules.postInstallPage.url",
            "Module webItems/docs-link https://docs.acme.example/guide @ $.modules.webItems[0].url third-party",
            $"Module webItems/open-dialog {App}/dialogs/reassign?issue=test @ $.modules.webItems[3].url admin",
            $"Module webPanels/issue-panel {App}/panels/issue?issueKey=test&projectKey=test @ $.modules.webPanels[0].url",
            "Module webPanels/static-panel https://cdn.acme-app.example.com/panels/tips.html @ $.modules.webPanels[1].url",

            // Also named by jiraProjectPages, without "cacheable": the merged endpoint must be authenticated.
            $"Module dialogs/confirm-dialog {App}/dialogs/confirm @ $.modules.dialogs[0].url",
            $"Module jiraIssueTabPanels/history-tab {App}/tabs/history?issue=test @ $.modules.jiraIssueTabPanels[0].url",
            $"Module jiraProjectAdminTabPanels/project-settings {App}/project/test/settings @ $.modules.jiraProjectAdminTabPanels[0].url admin",
            $"Module jiraWorkflowPostFunctions/assign-reviewer {App}/workflow/view?id=test @ $.modules.jiraWorkflowPostFunctions[0].view.url",
            $"Module jiraWorkflowPostFunctions/assign-reviewer {App}/workflow/edit?id=test @ $.modules.jiraWorkflowPostFunctions[0].edit.url",
            $"Module jiraWorkflowPostFunctions/assign-reviewer {App}/workflow/create @ $.modules.jiraWorkflowPostFunctions[0].create.url",
            $"Webhook jiraWorkflowPostFunctions/assign-reviewer {App}/workflow/triggered @ $.modules.jiraWorkflowPostFunctions[0].triggered.url",
            $"Module jiraIssueGlances/score-glance {App}/glance?issue=test @ $.modules.jiraIssueGlances[0].target.url",
            $"Module jiraDashboardItems/score-gadget {App}/gadget?dashboard=test&item=test @ $.modules.jiraDashboardItems[0].url",
            $"Module jiraBackgroundScripts/background {App}/background/script @ $.modules.jiraBackgroundScripts[0].url",
            $"Webhook webhooks/- {App}/webhooks/issue-created @ $.modules.webhooks[0].url",
            $"Webhook webhooks/- {App}/webhooks/issue-updated?issue=test @ $.modules.webhooks[1].url",
            $"Module dynamicContentMacros/chart-macro {App}/macros/chart?pageId=test&body=test @ $.modules.dynamicContentMacros[0].url",
            $"Module dynamicContentMacros/chart-macro {App}/macros/chart/static @ $.modules.dynamicContentMacros[0].renderModes.default.url",
            $"Module dynamicContentMacros/chart-macro {App}/macros/chart/pdf?pageId=test @ $.modules.dynamicContentMacros[0].renderModes.pdf.url",
            $"Module dynamicContentMacros/chart-macro {App}/macros/chart/editor @ $.modules.dynamicContentMacros[0].editor.url",
            $"Module staticContentMacros/status-macro {App}/macros/status?space=test&admin=true @ $.modules.staticContentMacros[0].url",
            $"Module spaceToolsTabs/space-settings {App}/space-tools?space_key=test @ $.modules.spaceToolsTabs[0].url",
            $"Module blueprints/meeting-notes {App}/blueprints/context @ $.modules.blueprints[0].template.blueprintContext.url",
            $"Module repoPages/repo-insights {App}/bitbucket/insights?repo=test @ $.modules.repoPages[0].url",
            $"Module acmeFutureModules/future-module {App}/future/first @ $.modules.acmeFutureModules[0].targets[0][0].url",
            $"Module acmeFutureModules/future-module {App}/future/second @ $.modules.acmeFutureModules[0].targets[1].url",
        ];

        descriptor.Endpoints.Select(DescriptorFixtures.Describe).ShouldBe(expected);
    }

    [Fact]
    public void The_header_fields_are_read()
    {
        descriptor.Key.ShouldBe("com.acme.everything");
        descriptor.Name.ShouldBe("Acme Everything");
        descriptor.BaseUrl.ShouldBe(new Uri("https://acme-app.example.com/connect/"));
        descriptor.DescriptorUrl.ShouldBe(DescriptorFixtures.DescriptorUrl);
        descriptor.AuthenticationType.ShouldBe("jwt");
        descriptor.UsesJwt.ShouldBeTrue();
        descriptor.SignedInstall.ShouldBeTrue();
        descriptor.ContextQsh.ShouldBeTrue();
        descriptor.Scopes.ShouldBe(["READ", "WRITE", "ACT_AS_USER"]);
    }

    [Fact]
    public void Templates_are_kept_as_written()
    {
        var updated = descriptor.Endpoints.Single(e => e.JsonPath == "$.modules.webhooks[1].url");
        updated.Template.ShouldBe("/webhooks/issue-updated?issue=${issue.key}");
        updated.Url.AbsoluteUri.ShouldBe($"{App}/webhooks/issue-updated?issue=test");
    }

    [Fact]
    public void Every_string_is_listed_with_its_path_including_those_that_are_not_endpoints()
    {
        descriptor.Strings.ShouldContain(new DescriptorString("$.modules.oauthConsumer.clientId", "aBcDeFgHiJkLmNoPqR"));
        descriptor.Strings.ShouldContain(new DescriptorString("$.modules.generalPages[0].icon.url", "/img/dashboard.png"));
        descriptor.Strings.ShouldContain(new DescriptorString("$.modules.contentBylineItems[0].url", "javascript:alert(document.domain)"));
        descriptor.Strings.ShouldContain(new DescriptorString("$.scopes[3]", "Read"));
        descriptor.Strings.ShouldContain(new DescriptorString("$.modules.dynamicContentMacros[0].parameters[0].values[1]", "line"));
        descriptor.Strings[0].ShouldBe(new DescriptorString("$.key", "com.acme.everything"));
        descriptor.Strings.Count.ShouldBe(CountStrings("realistic-multi-product.json"));
    }

    private static int CountStrings(string fileName)
    {
        using var document = System.Text.Json.JsonDocument.Parse(DescriptorFixtures.Bytes(fileName));
        return Count(document.RootElement);

        static int Count(System.Text.Json.JsonElement element) => element.ValueKind switch
        {
            System.Text.Json.JsonValueKind.String => 1,
            System.Text.Json.JsonValueKind.Object => element.EnumerateObject().Sum(p => Count(p.Value)),
            System.Text.Json.JsonValueKind.Array => element.EnumerateArray().Sum(Count),
            _ => 0,
        };
    }
}
