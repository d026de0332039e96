using Rampart.Scanning.Connect;

namespace Rampart.Scanning.Tests.Connect;

/// <summary>Which URLs inside modules are endpoints, and what they inherit from their module.</summary>
public sealed class ModuleWalkerTests
{
    private const string App = "https://acme-app.example.com/connect";

    private static IReadOnlyList<ConnectEndpoint> Endpoints(string modules) => DescriptorFixtures.ParseModules(modules).Endpoints;

    [Fact]
    public void A_module_type_may_hold_one_module_or_a_list()
    {
        Endpoints("""{"configurePage": {"key": "c", "url": "/c"}, "generalPages": [{"key": "g", "url": "/g"}]}""")
            .Select(e => (e.ModuleType, e.ModuleKey, e.JsonPath))
            .ShouldBe([("configurePage", "c", "$.modules.configurePage.url"), ("generalPages", "g", "$.modules.generalPages[0].url")]);
    }

    [Fact]
    public void Unknown_module_types_are_walked_like_any_other()
    {
        var endpoint = Endpoints("""{"jiraSomethingNew2031": [{"key": "n", "thing": {"url": "/new"}}]}""").Single();
        endpoint.ModuleType.ShouldBe("jiraSomethingNew2031");
        endpoint.Url.AbsoluteUri.ShouldBe($"{App}/new");
    }

    [Fact]
    public void A_module_without_a_key_has_none()
    {
        Endpoints("""{"webhooks": [{"event": "jira:issue_created", "url": "/hook"}]}""").Single().ModuleKey.ShouldBeNull();
    }

    [Fact]
    public void Every_url_of_an_admin_module_is_admin()
    {
        Endpoints("""{"jiraWorkflowPostFunctions": [{"key": "f", "conditions": [{"condition": "user_is_admin"}], "view": {"url": "/v"}, "edit": {"url": "/e"}}]}""")
            .ShouldAllBe(e => e.IsAdmin);
    }

    [Fact]
    public void Conditions_below_the_module_do_not_decide_admin()
    {
        Endpoints("""{"generalPages": [{"key": "g", "url": "/g", "target": {"conditions": [{"condition": "user_is_admin"}]}}]}""")
            .Single().IsAdmin.ShouldBeFalse();
    }

    [Fact]
    public void Icons_documentation_and_image_placeholders_are_not_endpoints()
    {
        Endpoints("""
            {"dynamicContentMacros": [{
                "key": "m", "url": "/m",
                "icon": {"url": "/icon.png"}, "icons": {"large": {"url": "/large.png"}},
                "documentation": {"url": "https://docs.example/m"}, "imagePlaceholder": {"url": "/placeholder.png"}
            }]}
            """).Select(e => e.JsonPath).ShouldBe(["$.modules.dynamicContentMacros[0].url"]);
    }

    [Fact]
    public void A_blueprint_template_file_is_not_an_endpoint_but_its_context_is()
    {
        Endpoints("""{"blueprints": [{"key": "b", "template": {"url": "/t.xml", "blueprintContext": {"url": "/ctx"}}}]}""")
            .Select(e => e.JsonPath).ShouldBe(["$.modules.blueprints[0].template.blueprintContext.url"]);
    }

    [Theory]
    [InlineData("product")]
    [InlineData("page")]
    [InlineData("PRODUCT")]
    public void Relative_urls_of_web_items_in_product_or_page_context_are_not_app_paths(string context)
    {
        Endpoints($$"""{"webItems": [{"key": "w", "url": "/browse/{issue.key}", "context": "{{context}}"}]}""").ShouldBeEmpty();
    }

    [Fact]
    public void Absolute_urls_of_web_items_in_product_context_are_still_endpoints()
    {
        Endpoints("""{"webItems": [{"key": "w", "url": "https://acme-app.example.com/x", "context": "product"}]}""")
            .Single().Url.AbsoluteUri.ShouldBe("https://acme-app.example.com/x");
    }

    [Theory]
    [InlineData("addon")]
    [InlineData("something-else")]
    public void Relative_urls_in_app_context_are_app_paths(string context)
    {
        Endpoints($$"""{"webItems": [{"key": "w", "url": "/w", "context": "{{context}}"}]}""").Single().Url.AbsoluteUri.ShouldBe($"{App}/w");
    }

    [Fact]
    public void Webhooks_and_triggered_post_functions_are_webhooks()
    {
        Endpoints("""
            {"webhooks": [{"event": "e", "url": "/hook"}],
             "jiraWorkflowPostFunctions": [{"key": "f", "view": {"url": "/view"}, "triggered": {"url": "/triggered"}}],
             "generalPages": [{"key": "g", "triggered": {"url": "/not-a-post-function"}}]}
            """).Select(e => (e.Url.AbsolutePath, e.Role)).ShouldBe(
        [
            ("/connect/hook", EndpointRole.Webhook),
            ("/connect/view", EndpointRole.Module),
            ("/connect/triggered", EndpointRole.Webhook),
            ("/connect/not-a-post-function", EndpointRole.Module),
        ]);
    }

    [Fact]
    public void Remote_conditions_are_endpoints_that_are_neither_admin_nor_cached()
    {
        var endpoints = Endpoints("""
            {"adminPages": [{"key": "a", "url": "/a", "cacheable": true,
                             "conditions": [{"condition": "/remote"}, {"condition": "https://acme-app.example.com/remote2"}, {"condition": "user_is_logged_in"}]}]}
            """);
        endpoints.Select(e => (e.JsonPath, e.IsAdmin, e.Cacheable)).ShouldBe(
        [
            ("$.modules.adminPages[0].url", true, true),
            ("$.modules.adminPages[0].conditions[0].condition", false, false),
            ("$.modules.adminPages[0].conditions[1].condition", false, false),
        ]);
    }

    [Fact]
    public void The_same_url_and_role_is_listed_once_with_the_first_path_and_the_weaker_flags()
    {
        var endpoints = Endpoints("""
            {"adminPages": [{"key": "a", "url": "/shared#admin", "cacheable": true}],
             "generalPages": [{"key": "g", "url": "/shared#general"}],
             "webhooks": [{"event": "e", "url": "/shared"}]}
            """);
        endpoints.Select(DescriptorFixtures.Describe).ShouldBe(
        [
            $"Module adminPages/a {App}/shared#admin @ $.modules.adminPages[0].url",
            $"Webhook webhooks/- {App}/shared @ $.modules.webhooks[0].url",
        ]);
    }

    [Fact]
    public void Repeats_that_agree_keep_their_flags()
    {
        Endpoints("""{"adminPages": [{"key": "a", "url": "/x", "cacheable": true}, {"key": "b", "url": "/x", "cacheable": true}]}""")
            .Single().ShouldSatisfyAllConditions(e => e.IsAdmin.ShouldBeTrue(), e => e.Cacheable.ShouldBeTrue(), e => e.ModuleKey.ShouldBe("a"));
    }

    [Fact]
    public void A_descriptor_close_to_the_size_limit_is_walked_in_full()
    {
        const int pages = 25_000;
        var modules = string.Join(",", Enumerable.Range(0, pages).Select(i =>
            $$"""{"key": "page-{{i}}", "name": {"value": "Page {{i}}"}, "url": "/pages/{{i}}?project={project.key}", "icon": {"url": "/i/{{i}}.png"}, "conditions": [{"condition": "user_is_logged_in"}]}"""));
        var json = $$$"""{"key": "k", "name": "n", "baseUrl": "https://acme-app.example.com/", "modules": {"generalPages": [{{{modules}}}]}}""";
        json.Length.ShouldBeInRange(3_500_000, ConnectDescriptorParser.DefaultMaxBytes);

        var descriptor = DescriptorFixtures.ParseText(json);

        descriptor.Endpoints.Count.ShouldBe(pages);
        descriptor.Endpoints[^1].Url.AbsoluteUri.ShouldBe($"https://acme-app.example.com/pages/{pages - 1}?project=test");
        descriptor.Strings.Count.ShouldBe(3 + (pages * 5));
    }

    [Fact]
    public void Urls_in_arrays_of_strings_are_not_collected_without_a_url_key()
    {
        Endpoints("""{"generalPages": [{"key": "g", "aliases": ["/not-a-url-field"], "thumbnailUrl": "/thumb.png"}]}""").ShouldBeEmpty();
    }
}
