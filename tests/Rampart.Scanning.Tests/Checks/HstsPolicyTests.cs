using Rampart.Scanning.Checks.Transport;

namespace Rampart.Scanning.Tests.Checks;

/// <summary>RFC 6797 section 6.1 grammar: what a browser accepts is what counts.</summary>
public sealed class HstsPolicyTests
{
    [Theory]
    [InlineData("max-age=31536000", 31536000L)]
    [InlineData("MAX-AGE=63072000; includeSubDomains; preload", 63072000L)]
    [InlineData("max-age=\"31536000\"", 31536000L)]
    [InlineData("  max-age = 86400 ;", 86400L)]
    [InlineData("includeSubDomains; max-age=0", 0L)]
    [InlineData("max-age=99999999999999999999999", long.MaxValue)]
    [InlineData("max-age=10; unknown=\"a;b\"", 10L)]
    public void Valid_headers_give_their_max_age(string header, long expected) =>
        HstsPolicy.Parse(header).MaxAge.ShouldBe(expected);

    [Theory]
    [InlineData("max-age=31536000; max-age=31536000", "more than once")]
    [InlineData("max-age=31536000; Max-Age=10", "more than once")]
    [InlineData("includeSubDomains; includesubdomains; max-age=31536000", "more than once")]
    [InlineData("includeSubDomains", "no max-age")]
    [InlineData("", "no max-age")]
    [InlineData("max-age=-1", "not a number")]
    [InlineData("max-age=1e9", "not a number")]
    [InlineData("max-age=\"31536000", "malformed")]
    [InlineData("max-age=31536000, includeSubDomains", "unexpected character")]
    [InlineData("max-age=31536000 includeSubDomains", "unexpected character")]
    [InlineData("max-age=", "not a number")]
    [InlineData("max-age=\"\"", "not a number")]
    [InlineData("max-age=+31536000", "not a number")]
    [InlineData("max-age=31536000; preload; preload", "more than once")]
    [InlineData("=31536000", "without a directive name")]
    [InlineData("\"max-age\"=31536000", "unexpected character")]
    public void Invalid_headers_are_void(string header, string reason)
    {
        var policy = HstsPolicy.Parse(header);

        policy.MaxAge.ShouldBeNull();
        policy.Error.ShouldNotBeNull().ShouldContain(reason);
    }

    [Theory]
    [InlineData("max-age=31536000", false, false)]
    [InlineData("max-age=31536000; includeSubDomains", true, false)]
    [InlineData("max-age=31536000; preload", false, true)]
    [InlineData("preload;includeSubDomains;max-age=31536000", true, true)]
    [InlineData("max-age=31536000; Preload; INCLUDESUBDOMAINS;", true, true)]
    [InlineData("max-age=31536000; includeSubDomainsX; preloaded", false, false)]
    public void Include_subdomains_and_preload_are_read(string header, bool includeSubDomains, bool preload)
    {
        var policy = HstsPolicy.Parse(header);

        policy.Error.ShouldBeNull();
        policy.IncludeSubDomains.ShouldBe(includeSubDomains);
        policy.Preload.ShouldBe(preload);
    }

    [Fact]
    public void Include_subdomains_is_read_case_insensitively() =>
        HstsPolicy.Parse("max-age=1; INCLUDESUBDOMAINS").IncludeSubDomains.ShouldBeTrue();
}
