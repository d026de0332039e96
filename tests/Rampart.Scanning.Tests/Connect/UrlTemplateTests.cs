using Rampart.Scanning.Connect;

namespace Rampart.Scanning.Tests.Connect;

public sealed class UrlTemplateTests
{
    [Theory]
    [InlineData("/plain/path?x=1", "/plain/path?x=1")]
    [InlineData("/a/{x}/b/{y}", "/a/test/b/test")]
    [InlineData("/a/{x}{y}", "/a/testtest")]
    [InlineData("/space/${space.key}/page/${page.id}", "/space/test/page/test")]
    [InlineData("/render?pageTitle={page.title}&space={space.key}", "/render?pageTitle=test&space=test")]
    [InlineData("/c?show={condition.user_is_admin}", "/c?show=true")]
    [InlineData("/c?show={Condition.Is_Admin}", "/c?show=true")]
    [InlineData("/c?ctx={ac.conditionally}", "/c?ctx=test")]
    [InlineData("/frag#{issue.key}", "/frag#test")]
    [InlineData("/a/{}", "/a/test")]
    [InlineData("/a/{ issue.key }", "/a/test")]
    [InlineData("{ac.path}/x", "test/x")]
    [InlineData("https://{tenant}.example.com/{x}", "https://test.example.com/test")]
    public void Placeholders_are_filled_one_by_one(string template, string filled) =>
        UrlTemplate.Fill(template).ShouldBe(filled);

    [Theory]
    [InlineData("/a/{unclosed", "/a/{unclosed")]
    [InlineData("/a/}{x}", "/a/}test")]
    [InlineData("/a/{outer{inner}}/b", "/a/{outertest}/b")]
    [InlineData("/a/$/b", "/a/$/b")]
    [InlineData("/price?$={x}", "/price?$=test")]
    public void Stray_braces_stay_literal(string template, string filled) =>
        UrlTemplate.Fill(template).ShouldBe(filled);

    [Fact]
    public void A_dollar_before_a_placeholder_is_part_of_it() =>
        UrlTemplate.Fill("/a$${x}").ShouldBe("/a$test");
}
