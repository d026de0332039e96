using Rampart.Scanning.Connect;

namespace Rampart.Scanning.Tests.Connect;

public sealed class EndpointUrlResolverTests
{
    private static readonly Uri Descriptor = new("https://cdn.acme.example/atlassian-connect.json");

    private static string? Resolve(string baseUrl, string written, bool allowRelative = true)
    {
        var resolver = new EndpointUrlResolver(new Uri(baseUrl), Descriptor);
        return resolver.TryResolve(written, "$.u", allowRelative, out var url) ? url.AbsoluteUri : null;
    }

    [Theory]
    [InlineData("https://x.com/app/", "/page", "https://x.com/app/page")]
    [InlineData("https://x.com/app", "/page", "https://x.com/app/page")]
    [InlineData("https://x.com/app/", "page", "https://x.com/app/page")]
    [InlineData("https://x.com", "/page", "https://x.com/page")]
    [InlineData("https://x.com/", "?only=query", "https://x.com/?only=query")]
    [InlineData("https://x.com/app/?v=1#top", "/page", "https://x.com/app/page")]
    [InlineData("https://x.com:8443/app/", "/page?a={x}", "https://x.com:8443/app/page?a=test")]
    [InlineData("https://x.com/app/", "  /page  ", "https://x.com/app/page")]
    public void Relative_urls_keep_the_base_url_path_prefix(string baseUrl, string written, string expected) =>
        Resolve(baseUrl, written).ShouldBe(expected);

    [Fact]
    public void A_protocol_relative_path_stays_on_the_apps_host()
    {
        // The product appends module URLs to baseUrl; it does not resolve "//host" as a network path.
        Resolve("https://x.com/app/", "//evil.example/x").ShouldBe("https://x.com/app//evil.example/x");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("mailto:a@b.example")]
    [InlineData("ftp://x.com/file")]
    [InlineData("")]
    [InlineData("   ")]
    public void Non_http_urls_are_not_endpoints(string written) =>
        Resolve("https://x.com/", written).ShouldBeNull();

    [Fact]
    public void Relative_urls_can_be_declared_not_to_be_app_paths()
    {
        Resolve("https://x.com/", "/browse/KEY-1", allowRelative: false).ShouldBeNull();
        Resolve("https://x.com/", "https://x.com/page", allowRelative: false).ShouldBe("https://x.com/page");
    }

    [Fact]
    public void An_unparseable_absolute_url_names_its_path()
    {
        var resolver = new EndpointUrlResolver(new Uri("https://x.com/"), Descriptor);
        Should.Throw<DescriptorException>(() => resolver.TryResolve("http://bad host/", "$.modules.webItems[2].url", true, out _))
            .Message.ShouldBe("$.modules.webItems[2].url: not a valid URL: \"http://bad host/\"");
    }

    [Theory]
    [InlineData("https://x.com/a", false)]
    [InlineData("http://X.COM:8080/a", false)]
    [InlineData("https://x.com./a", false)]
    [InlineData("https://cdn.acme.example/static.js", false)]
    [InlineData("https://sub.x.com/a", true)]
    [InlineData("https://x.com.evil.example/a", true)]
    [InlineData("https://acme.example/a", true)]
    public void Only_hosts_other_than_the_base_url_and_descriptor_hosts_are_third_party(string url, bool thirdParty)
    {
        var resolver = new EndpointUrlResolver(new Uri("https://X.com/app/"), Descriptor);
        resolver.IsThirdParty(new Uri(url)).ShouldBe(thirdParty);
    }

    [Fact]
    public void A_descriptor_read_from_a_file_has_no_host_of_its_own()
    {
        var resolver = new EndpointUrlResolver(new Uri("https://x.com/"), new Uri("file:///tmp/atlassian-connect.json"));
        resolver.IsThirdParty(new Uri("https://x.com/a")).ShouldBeFalse();
        resolver.IsThirdParty(new Uri("https://y.com/a")).ShouldBeTrue();
    }
}
