using Rampart.Scanning.Checks.Authentication;
using Rampart.Scanning.Http;

namespace Rampart.Scanning.Tests.Checks;

/// <summary>Judged by status and redirect target only: CSRT's body-word heuristic and 429-as-protected are regressions here.</summary>
public sealed class AccessClassifierTests
{
    private static readonly ProbeRequest Request = new(HttpMethod.Get, new Uri("https://app.example.com/page"));

    [Theory]
    [InlineData(200, Access.Served)]
    [InlineData(204, Access.Served)]
    [InlineData(401, Access.Refused)]
    [InlineData(403, Access.Refused)]
    [InlineData(404, Access.NotServed)]
    [InlineData(405, Access.NotServed)]
    [InlineData(429, Access.Unavailable)]
    [InlineData(500, Access.Unavailable)]
    [InlineData(503, Access.Unavailable)]
    public void Judges_by_status(int status, Access expected) =>
        AccessClassifier.Classify(Response(status)).ShouldBe(expected);

    [Fact]
    public void A_page_that_mentions_errors_is_still_served() =>
        AccessClassifier.Classify(Response(200, body: "<p>No error. Invalid input 401 403 unauthorized</p>")).ShouldBe(Access.Served);

    [Fact]
    public void A_redirect_to_a_login_page_is_a_refusal_even_when_the_login_page_answers_200()
    {
        var hop = new ProbeHop(Request.Url, 302, [new("Location", "/login?next=/page")]);

        AccessClassifier.Classify(Response(200, hops: [hop])).ShouldBe(Access.Refused);
    }

    [Fact]
    public void A_redirect_to_another_content_page_that_serves_is_served()
    {
        var hop = new ProbeHop(Request.Url, 302, [new("Location", "/dashboard")]);

        AccessClassifier.Classify(Response(200, hops: [hop])).ShouldBe(Access.Served);
    }

    [Theory]
    [InlineData("https://id.example.com/oauth2/authorize?client=1")]
    [InlineData("/signin")]
    [InlineData("/users/sign-in")]
    public void Recognises_login_targets(string location) =>
        AccessClassifier.Classify(Response(302, headers: [new("Location", location)])).ShouldBe(Access.Refused);

    [Fact]
    public void A_network_failure_proves_nothing() =>
        AccessClassifier.Classify(ProbeResponse.FromError(Request, ProbeErrorKind.Timeout, "slow", TimeSpan.Zero)).ShouldBe(Access.Unavailable);

    private static ProbeResponse Response(int status, string body = "content", IReadOnlyList<ProbeHop>? hops = null, IReadOnlyList<KeyValuePair<string, string>>? headers = null) =>
        new(Request, Request.Url, status, headers ?? [], System.Text.Encoding.UTF8.GetBytes(body), false, hops ?? [], null, TimeSpan.Zero);
}
