using Rampart.Scanning.Jwt;

namespace Rampart.Scanning.Tests.Jwt;

/// <summary>The canonical request rules of requirements.md §6.6, with Atlassian's documented examples.</summary>
public sealed class QueryStringHashTests
{
    private static readonly Uri Base = new("https://app.example.com/");

    [Fact]
    public void Documented_example_get_with_one_parameter() =>
        QueryStringHash.CanonicalRequest("GET", new Uri("https://app.example.com/?param=foo"), Base).ShouldBe("GET&/&param=foo");

    [Fact]
    public void Documented_example_post_without_query() =>
        QueryStringHash.CanonicalRequest("post", new Uri("https://app.example.com/user"), Base).ShouldBe("POST&/user&");

    [Fact]
    public void Hash_is_hex_sha256_of_the_canonical_request() =>
        QueryStringHash.Compute("GET", new Uri("https://app.example.com/?param=foo"), Base)
            .ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("GET&/&param=foo"u8)));

    [Fact]
    public void Drops_the_base_url_path_and_the_trailing_slash() =>
        QueryStringHash.CanonicalPath(new Uri("https://x.example/app/pages/report/"), new Uri("https://x.example/app/")).ShouldBe("/pages/report");

    [Fact]
    public void Sorts_parameters_encodes_them_and_joins_repeated_values()
    {
        var url = new Uri("https://app.example.com/p?b=2&a=x%20y&B=1&a=w&jwt=token&star=*&tilde=~");

        QueryStringHash.CanonicalQuery(url.Query).ShouldBe("B=1&a=w,x%20y&b=2&star=%2A&tilde=~");
    }

    [Fact]
    public void Encodes_an_ampersand_in_the_path() =>
        QueryStringHash.CanonicalPath(new Uri("https://app.example.com/a&b"), Base).ShouldBe("/a%26b");

    [Fact]
    public void An_empty_path_is_a_slash() =>
        QueryStringHash.CanonicalPath(new Uri("https://app.example.com"), Base).ShouldBe("/");
}
