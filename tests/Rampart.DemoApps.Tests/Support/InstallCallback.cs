using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Rampart.DemoApps.Tests.Support;

/// <summary>Lifecycle install/uninstall callbacks, genuine or forged the way CSRT forges them.</summary>
internal static class InstallCallback
{
    public static string Body(string appKey, string clientKey, string eventType, string sharedSecret = "csrt-fake-secret-ignore") =>
        new JsonObject
        {
            ["key"] = appKey,
            ["clientKey"] = clientKey,
            ["cloudId"] = clientKey,
            ["oauthClientId"] = clientKey,
            ["sharedSecret"] = sharedSecret,
            ["baseUrl"] = "https://csrt-scanner-4242.atlassian.net",
            ["eventType"] = eventType,
            ["productType"] = "jira",
            ["description"] = "forged install",
            ["serverVersion"] = "6452",
            ["pluginsVersion"] = "1.801.0",
        }.ToJsonString();

    /// <summary>An RS256 install JWT; by default <c>aud</c> is the app's baseUrl and the qsh matches the POST.</summary>
    public static string Token(AppClient client, string path, RSA key, string kid, string iss, string? aud = null, TimeSpan? lifetime = null)
    {
        var claims = TestJwt.Claims(
            iss,
            "csrt-fake-user-ignore",
            TestQsh.Hash("POST", client.Url(path)),
            TimeProvider.System.GetUtcNow().Add(lifetime ?? TimeSpan.FromHours(3)));
        claims["aud"] = aud ?? client.App.BaseUrl.GetLeftPart(UriPartial.Authority);
        claims["context"] = new JsonObject();
        return TestJwt.Rs256(claims, key, kid);
    }
}
