using System.Text;

namespace Rampart.DemoApps.Tests.Support;

/// <summary>Talks to one running demo app the way the product (or an attacker) would.</summary>
internal sealed class AppClient(DemoApp app, HttpClient http, TimeProvider? clock = null)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    public DemoApp App => app;

    public Uri Url(string pathAndQuery) => new(app.BaseUrl, pathAndQuery);

    /// <summary>A correctly signed product-to-app JWT bound to this request (computed qsh), unless told otherwise.</summary>
    public string Token(
        string method,
        string pathAndQuery,
        string? sub = null,
        TimeSpan? lifetime = null,
        string? iss = null,
        string? secret = null,
        string? qsh = null)
    {
        var claims = TestJwt.Claims(
            iss ?? app.ClientKey,
            sub ?? app.UserAccountId,
            qsh ?? TestQsh.Hash(method, Url(pathAndQuery)),
            clock.GetUtcNow().Add(lifetime ?? TimeSpan.FromMinutes(3)));
        return TestJwt.Hs256(claims, secret ?? app.SharedSecret);
    }

    public async Task<Reply> SendAsync(
        HttpMethod method,
        string pathAndQuery,
        string? token = null,
        string? jsonBody = null,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, Url(pathAndQuery));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "JWT " + token);
        }

        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return await Reply.ReadAsync(response, cancellationToken);
    }

    public Task<Reply> GetAsync(string pathAndQuery, string? token = null) => SendAsync(HttpMethod.Get, pathAndQuery, token);

    public Task<Reply> PostAsync(string pathAndQuery, string? token = null, string? jsonBody = null) =>
        SendAsync(HttpMethod.Post, pathAndQuery, token, jsonBody);
}
