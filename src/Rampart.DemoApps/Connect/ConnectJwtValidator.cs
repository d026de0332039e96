using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Rampart.DemoApps.Connect;

/// <summary>
/// The vendor-side check of product-to-app HS256 JWTs (requirements.md §6.5): alg, issuer → shared secret, signature,
/// expiry, qsh. The JWT flaws live here, because a real app has one validator and its bugs reach every endpoint
/// that uses it.
/// </summary>
internal sealed class ConnectJwtValidator(DemoRuntime runtime)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <param name="request">The request the token must be bound to (method, path and query for the qsh).</param>
    /// <param name="token">The token it presented.</param>
    /// <param name="acceptContextQsh">Module pages take context JWTs; webhooks and lifecycle calls need a computed qsh.</param>
    public AuthResult Validate(HttpRequest request, PresentedToken token, bool acceptContextQsh)
    {
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token.Value);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or System.Text.Json.JsonException)
        {
            // IdentityModel reports malformed tokens as SecurityTokenMalformedException, an ArgumentException.
            return AuthResult.Refuse("Invalid JWT: malformed token");
        }

        if (jwt.IsEncrypted)
        {
            return AuthResult.Refuse("Invalid JWT: malformed token");
        }

        if (token.Source == TokenSource.Query && runtime.Has(DemoFlaws.TrustsQueryToken))
        {
            return AuthResult.Accept(runtime.Installations.Find(Claim(jwt, "iss")) ?? runtime.Installations.Test, Claim(jwt, "sub"));
        }

        bool verifySignature;
        var alg = HeaderText(jwt, "alg");
        if (string.Equals(alg, "none", StringComparison.OrdinalIgnoreCase))
        {
            if (!runtime.Has(DemoFlaws.AcceptsAlgNone))
            {
                return AuthResult.Refuse("Invalid JWT: unsigned tokens are not accepted");
            }

            verifySignature = false;
        }
        else if (string.Equals(alg, "HS256", StringComparison.Ordinal))
        {
            verifySignature = !runtime.Has(DemoFlaws.AcceptsAnySignature);
        }
        else
        {
            return AuthResult.Refuse("Invalid JWT: algorithm not accepted");
        }

        var installation = runtime.Installations.Find(Claim(jwt, "iss"));
        if (installation is null)
        {
            // Both flaws detach the token from its issuer: one never needs the issuer's secret, the other uses ours.
            if (runtime.Has(DemoFlaws.IgnoresIssuer) || !verifySignature)
            {
                installation = runtime.Installations.Test;
            }
            else
            {
                return AuthResult.Refuse("Invalid JWT: unknown issuer");
            }
        }

        if (verifySignature && !JwtSignature.IsValidHs256(token.Value, installation.SharedSecret))
        {
            return AuthResult.Refuse("Invalid JWT: signature verification failed");
        }

        if (!runtime.Has(DemoFlaws.IgnoresExpiry) && IsExpired(jwt))
        {
            return AuthResult.Refuse("Invalid JWT: expired or without exp");
        }

        if (!runtime.Has(DemoFlaws.IgnoresQsh) && !QshMatches(jwt, request, acceptContextQsh))
        {
            return AuthResult.Refuse("Invalid JWT: qsh does not match the request");
        }

        return AuthResult.Accept(installation, Claim(jwt, "sub"));
    }

    public bool IsExpired(JsonWebToken jwt)
    {
        if (!jwt.TryGetPayloadValue<long>("exp", out var exp))
        {
            return true;
        }

        // Compared in seconds: converting a hostile exp to a DateTimeOffset could throw.
        return runtime.Time.GetUtcNow().ToUnixTimeSeconds() - (long)ClockSkew.TotalSeconds >= exp;
    }

    public bool QshMatches(JsonWebToken jwt, HttpRequest request, bool acceptContextQsh)
    {
        if (!jwt.TryGetPayloadValue<string>("qsh", out var qsh) || string.IsNullOrEmpty(qsh))
        {
            return false;
        }

        if (acceptContextQsh && string.Equals(qsh, QueryStringHash.ContextQsh, StringComparison.Ordinal))
        {
            return true;
        }

        var expected = QueryStringHash.Compute(request.Method, RawTarget(request), runtime.BasePath);
        return string.Equals(qsh, expected, StringComparison.Ordinal);
    }

    /// <summary>The request target as the client sent it: the qsh is computed over the encoded path, not a decoded one.</summary>
    public static string RawTarget(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            return request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        }

        // An absolute-form target (proxy style) still hashes only its path and query.
        return raw.StartsWith('/') || !Uri.TryCreate(raw, UriKind.Absolute, out var absolute)
            ? raw
            : absolute.PathAndQuery;
    }

    public static string? HeaderText(JsonWebToken jwt, string name) =>
        jwt.TryGetHeaderValue<string>(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public static string? Claim(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue<string>(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
