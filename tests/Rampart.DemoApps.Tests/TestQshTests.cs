using System.Security.Cryptography;
using System.Text;
using Rampart.DemoApps.Tests.Support;

namespace Rampart.DemoApps.Tests;

/// <summary>The test's own QSH helper against the documented examples (requirements.md §6.6).</summary>
public sealed class TestQshTests
{
    [Theory]
    [InlineData("GET", "https://app.example.org/?param=foo", "GET&/&param=foo")]
    [InlineData("POST", "https://app.example.org/user", "POST&/user&")]
    [InlineData("get", "https://app.example.org", "GET&/&")]
    [InlineData("GET", "https://app.example.org/path/?jwt=abc.def.ghi&b=2&a=1", "GET&/path&a=1&b=2")]
    [InlineData("GET", "https://app.example.org/p?B=1&a=2", "GET&/p&B=1&a=2")]
    [InlineData("GET", "https://app.example.org/p?x=b&x=a", "GET&/p&x=a,b")]
    [InlineData("GET", "https://app.example.org/p?q=a+b&s=*~&t=%2C", "GET&/p&q=a%20b&s=%2A~&t=%2C")]
    [InlineData("GET", "https://app.example.org/a&b", "GET&/a%26b&")]
    public void Canonical_request_follows_the_documented_rules(string method, string url, string canonical)
    {
        TestQsh.CanonicalRequest(method, new Uri(url)).ShouldBe(canonical);
    }

    [Fact]
    public void The_baseUrl_path_is_not_part_of_the_canonical_uri()
    {
        TestQsh.CanonicalRequest("GET", new Uri("https://host.example.org/ctx/pages/a?x=1"), "/ctx").ShouldBe("GET&/pages/a&x=1");
        TestQsh.CanonicalRequest("GET", new Uri("https://host.example.org/ctx"), "/ctx/").ShouldBe("GET&/&");
    }

    [Fact]
    public void Hash_is_hex_sha256_of_the_canonical_request()
    {
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("foo")))
            .ShouldBe("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae");
        TestQsh.Hash("POST", new Uri("https://app.example.org/user"))
            .ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("POST&/user&"))));
    }
}
