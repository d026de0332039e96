using Microsoft.AspNetCore.Http;

namespace Rampart.DemoApps.Connect;

/// <summary>The JWT a request carries: <c>Authorization: JWT …</c> first, else the <c>jwt</c> query parameter.</summary>
internal sealed record PresentedToken(string Value, TokenSource Source)
{
    private const string Scheme = "JWT ";

    public static PresentedToken? From(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return new PresentedToken(authorization[Scheme.Length..].Trim(), TokenSource.Header);
        }

        var query = request.Query["jwt"];
        return query.Count > 0 && !string.IsNullOrEmpty(query[0])
            ? new PresentedToken(query[0]!, TokenSource.Query)
            : null;
    }
}
