using Rampart.Scanning.Connect;

namespace Rampart.Scanning.Tests.Connect;

/// <summary>
/// One test per endpoint-extraction flaw of Atlassian's CSRT (research notes csrt-fsrt.md §1.10, items 3 to 7),
/// each pinned on a module of Descriptors/csrt-regressions.json.
/// </summary>
public sealed class CsrtRegressionTests
{
    private const string App = "https://acme-app.example.com/connect";

    private readonly ConnectDescriptor descriptor = DescriptorFixtures.ParseFile("csrt-regressions.json");

    private ConnectEndpoint Module(string key) => descriptor.Endpoints.Single(e => e.ModuleKey == key);

    private ConnectEndpoint At(string jsonPath) => descriptor.Endpoints.Single(e => e.JsonPath == jsonPath);

    // §1.10.3: third-party absolute URLs in webItems were probed as if they were the app's.
    [Fact]
    public void Absolute_urls_on_other_hosts_are_kept_but_marked_third_party()
    {
        Module("vendor-site").IsThirdParty.ShouldBeTrue();
        Module("vendor-site").Url.AbsoluteUri.ShouldBe("https://www.acme.example/pricing");
        Module("tracker").IsThirdParty.ShouldBeTrue();
        Module("tracker").Url.AbsoluteUri.ShouldBe("http://tracker.example.net/pixel?app=test");
    }

    [Fact]
    public void Absolute_urls_on_the_base_url_or_descriptor_host_are_the_apps_own()
    {
        Module("same-host-absolute").IsThirdParty.ShouldBeFalse();
        Module("same-host-absolute").Url.AbsoluteUri.ShouldBe("https://acme-app.example.com/other-prefix/page");
        Module("descriptor-host").IsThirdParty.ShouldBeFalse();
        descriptor.Endpoints.Where(e => !e.Url.AbsoluteUri.StartsWith(App, StringComparison.Ordinal))
            .Select(e => e.ModuleKey)
            .ShouldBe(["vendor-site", "tracker", "same-host-absolute", "descriptor-host"], ignoreOrder: true);
    }

    // §1.5: CSRT turned "javascript:alert(2);" into "<baseUrl>/javascript:alert(2);" and probed it.
    [Theory]
    [InlineData("script")]
    [InlineData("data")]
    [InlineData("mail")]
    [InlineData("tel")]
    public void Urls_with_other_schemes_are_not_endpoints(string key)
    {
        descriptor.Endpoints.ShouldNotContain(e => e.ModuleKey == key);
        descriptor.Endpoints.ShouldNotContain(e => e.Url.AbsoluteUri.Contains("javascript", StringComparison.OrdinalIgnoreCase));
    }

    // §1.10.4: a module URL containing "install" was reported as a lifecycle callback.
    [Theory]
    [InlineData("install-guide", "/install-guide")]
    [InlineData("uninstall-help", "/uninstall-help")]
    public void Module_urls_mentioning_install_are_modules(string key, string path)
    {
        var endpoint = Module(key);
        endpoint.Role.ShouldBe(EndpointRole.Module);
        endpoint.Lifecycle.ShouldBeNull();
        endpoint.Url.AbsoluteUri.ShouldBe(App + path);
    }

    [Fact]
    public void Lifecycle_callbacks_are_classified_by_their_key_whatever_their_url()
    {
        var lifecycle = descriptor.Endpoints.Where(e => e.Role == EndpointRole.Lifecycle).ToArray();
        lifecycle.Select(e => (e.Lifecycle, e.Url.AbsoluteUri, e.JsonPath)).ShouldBe(
        [
            (LifecycleEvent.Installed, $"{App}/hooks?event=1", "$.lifecycle.installed"),
            (LifecycleEvent.Uninstalled, $"{App}/hooks?event=2", "$.lifecycle.uninstalled"),
        ]);
        descriptor.Endpoints.ShouldNotContain(e => e.Url.AbsoluteUri.EndsWith("/not-a-lifecycle-key", StringComparison.Ordinal));
    }

    // §1.10.5: one module's admin condition made every module of its type admin.
    [Fact]
    public void An_admin_module_does_not_make_its_siblings_admin()
    {
        Module("admin-only").IsAdmin.ShouldBeTrue();
        Module("public").IsAdmin.ShouldBeFalse();
        Module("also-public").IsAdmin.ShouldBeFalse();
        Module("install-guide").IsAdmin.ShouldBeFalse();
    }

    // §1.10.5: "invert": true was ignored, so pages hidden from admins were tested as admin-only.
    [Theory]
    [InlineData("inverted-admin", false)]
    [InlineData("inverted-sysadmin", false)]
    [InlineData("explicitly-not-inverted", true)]
    public void An_inverted_admin_condition_does_not_make_a_module_admin(string key, bool admin) =>
        Module(key).IsAdmin.ShouldBe(admin);

    // §1.10.5: "or" compared the wrong value; "and" and nesting were not read at all.
    [Theory]
    [InlineData("or-all-admin", true)]
    [InlineData("or-one-open", false)]
    [InlineData("or-inverted-branch", false)]
    [InlineData("and-nested", true)]
    [InlineData("and-without-admin", false)]
    public void Compound_conditions_are_evaluated(string key, bool admin) =>
        Module(key).IsAdmin.ShouldBe(admin);

    // §1.10.6: the greedy pattern turned "/a/{x}/b/{y}" into "/a/test".
    [Theory]
    [InlineData("two-placeholders", "/a/test/b/test")]
    [InlineData("dollar-placeholders", "/space/test/page/test?v=test")]
    [InlineData("condition-placeholder", "/c?admin=true&k=test")]
    public void Each_placeholder_is_filled_on_its_own(string key, string path)
    {
        Module(key).Url.AbsoluteUri.ShouldBe(App + path);
    }

    [Fact]
    public void The_template_is_kept_as_written()
    {
        Module("two-placeholders").Template.ShouldBe("/a/{x}/b/{y}");
    }

    // §1.5: lists nested in a module's objects were not walked.
    [Fact]
    public void Lists_nested_in_objects_are_walked()
    {
        descriptor.Endpoints.Where(e => e.ModuleKey == "lists-in-objects")
            .Select(e => (e.JsonPath, e.Url.AbsoluteUri))
            .ShouldBe(
            [
                ("$.modules.dynamicContentMacros[0].url", $"{App}/macro"),
                ("$.modules.dynamicContentMacros[0].renderModes.default.url", $"{App}/macro/static"),
                ("$.modules.dynamicContentMacros[0].targets[0].url", $"{App}/in-a-list"),
                ("$.modules.dynamicContentMacros[0].targets[1][0].url", $"{App}/in-a-list-in-a-list"),
                ("$.modules.dynamicContentMacros[0].nested.deeper.items[0].panel.url", $"{App}/deep-in-lists"),
            ]);
    }

    // §1.10.7: cacheable modules were dropped from every check, header checks included.
    [Fact]
    public void Cacheable_modules_are_kept_and_flagged()
    {
        At("$.modules.dialogs[0].url").Cacheable.ShouldBeTrue();
        At("$.modules.dialogs[1].url").Cacheable.ShouldBeFalse();
        At("$.modules.dialogs[1].options.target.url").Cacheable.ShouldBeTrue();
        At("$.modules.dialogs[2].url").Cacheable.ShouldBeFalse();
    }

    // §1.10.7: jiraBackgroundScripts and postInstallPage were ignored outright; both are iframes the app serves.
    [Theory]
    [InlineData("background", "/background")]
    [InlineData("post-install", "/post-install")]
    public void Module_types_csrt_ignored_are_walked(string key, string path) =>
        Module(key).Url.AbsoluteUri.ShouldBe(App + path);

    [Fact]
    public void Relative_urls_are_joined_under_a_base_url_without_a_trailing_slash()
    {
        descriptor.BaseUrl.AbsoluteUri.ShouldBe(App);
        Module("public").Url.AbsoluteUri.ShouldBe($"{App}/public");
    }
}
