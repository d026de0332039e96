using System.Text;
using Rampart.Scanning.Checks.Authentication;

namespace Rampart.Scanning.Tests.Checks;

public sealed class TenantDataTests
{
    [Theory]
    [InlineData("<a href=\"https://acme.atlassian.net/browse/X-1\">")]
    [InlineData("{\"accountId\": \"5b10ac8d82e05b22cc7d4ef5\"}")]
    [InlineData("owner: jane.doe@acme.example")]
    [InlineData("user 557058:f58131cb-b67d-43c7-b30d-6b58d40bd077")]
    public void Recognises_tenant_markers(string body) => TenantData.FindMarker(Encoding.UTF8.GetBytes(body)).ShouldNotBeNull();

    [Theory]
    [InlineData("<html><body><h1>Help</h1><p>How to use the app.</p></body></html>")]
    [InlineData("body { color: red } /* atlassian styles */")]
    public void Static_pages_carry_none(string body) => TenantData.FindMarker(Encoding.UTF8.GetBytes(body)).ShouldBeNull();

    [Fact]
    public void Nonces_do_not_make_a_static_page_dynamic()
    {
        var first = Encoding.UTF8.GetBytes("<script nonce=\"abc123\">x()</script><input name=x csrf_token=\"t1\">");
        var second = Encoding.UTF8.GetBytes("<script nonce=\"zzz999\">x()</script><input name=x csrf_token=\"t2\">");

        BodyComparison.SameContent(first, second).ShouldBeTrue();
        BodyComparison.SameContent(first, Encoding.UTF8.GetBytes("<script nonce=\"abc123\">y()</script>")).ShouldBeFalse();
    }
}
