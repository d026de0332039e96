using System.Buffers.Text;
using System.Text;
using Rampart.DemoApps.Tests.Support;

namespace Rampart.DemoApps.Tests;

/// <summary>A scanner (or an attacker) sends malformed tokens; the app refuses them and never fails with a 500.</summary>
public sealed class HostileTokenTests(SecureAppFixture fixture) : IClassFixture<SecureAppFixture>
{
    [Theory]
    [InlineData("""{"alg":5}""", """{"iss":"x"}""")]
    [InlineData("""{"alg":"HS256","kid":{}}""", """{"iss":["a"],"exp":"soon","qsh":{}}""")]
    [InlineData("""{"alg":"HS256"}""", """{"exp":1e30}""")]
    [InlineData("""{"alg":"HS256"}""", """{"exp":99999999999999999}""")]
    [InlineData("""{"alg":"HS256"}""", """{"exp":-99999999999999999}""")]
    [InlineData("""{"alg":"RS256","kid":"fake-kid"}""", """{"aud":7}""")]
    [InlineData("""[]""", """[]""")]
    [InlineData("""not json""", """{}""")]
    public async Task Malformed_tokens_are_refused_with_401(string header, string payload)
    {
        var client = fixture.Client;
        var token = Encode(header) + "." + Encode(payload) + "." + Encode("sig");

        foreach (var path in new[] { "/pages/report", "/webhooks/issue-created", "/lifecycle/installed" })
        {
            var method = path == "/pages/report" ? HttpMethod.Get : HttpMethod.Post;
            (await client.SendAsync(method, path, token, "{}")).Status.ShouldBe(401);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d.e")]
    [InlineData("...")]
    public async Task Tokens_that_are_not_compact_JWS_are_refused_with_401(string token)
    {
        (await fixture.Client.GetAsync("/pages/report", token)).Status.ShouldBe(401);
        (await fixture.Client.GetAsync("/pages/report?jwt=" + Uri.EscapeDataString(token + "x"))).Status.ShouldBe(401);
    }

    [Theory]
    [InlineData("99999999999999999", 200)]
    [InlineData("-99999999999999999", 401)]
    [InlineData("1e30", 401)]
    [InlineData("\"soon\"", 401)]
    [InlineData("null", 401)]
    public async Task A_correctly_signed_token_with_an_odd_exp_never_breaks_the_expiry_check(string exp, int status)
    {
        var app = fixture.App;
        var qsh = TestQsh.Hash("GET", fixture.Client.Url("/pages/report"));
        var payload = $$"""{"iss":"{{app.ClientKey}}","sub":"{{app.UserAccountId}}","qsh":"{{qsh}}","exp":{{exp}}}""";
        var input = Encode("""{"alg":"HS256","typ":"JWT"}""") + "." + Encode(payload);
        var signature = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(app.SharedSecret), Encoding.ASCII.GetBytes(input));

        (await fixture.Client.GetAsync("/pages/report", input + "." + Base64Url.EncodeToString(signature))).Status.ShouldBe(status);
    }

    private static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
}
