using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Rampart.DemoApps.Connect;

/// <summary>
/// The vendor-side check of signed install/uninstall callbacks (requirements.md §6.4): RS256 with a key known by its
/// <c>kid</c>, <c>aud</c> = the app's baseUrl, <c>iss</c> = the clientKey in the body, a computed qsh, not expired.
/// </summary>
internal sealed class SignedInstallValidator(DemoRuntime runtime, ConnectJwtValidator connectJwt)
{
    /// <returns>Null when the callback is authentic, else the reason it is refused.</returns>
    public string? Validate(HttpRequest request, PresentedToken? token, string? bodyClientKey)
    {
        if (token is null)
        {
            return "Invalid JWT: signed install requires a JWT";
        }

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token.Value);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or System.Text.Json.JsonException)
        {
            // IdentityModel reports malformed tokens as SecurityTokenMalformedException, an ArgumentException.
            return "Invalid JWT: malformed token";
        }

        if (jwt.IsEncrypted || !string.Equals(ConnectJwtValidator.HeaderText(jwt, "alg"), "RS256", StringComparison.Ordinal))
        {
            return "Invalid JWT: signed install requires RS256";
        }

        var kid = ConnectJwtValidator.HeaderText(jwt, "kid");
        if (kid is null)
        {
            return "Invalid JWT: no kid";
        }

        var key = runtime.InstallKeys.Find(kid);
        if (key is null)
        {
            return runtime.Has(DemoFlaws.ForgedInstallAccepted) ? null : "Invalid JWT: unknown kid";
        }

        if (!JwtSignature.IsValidRs256(token.Value, key))
        {
            return "Invalid JWT: signature verification failed";
        }

        if (connectJwt.IsExpired(jwt))
        {
            return "Invalid JWT: expired or without exp";
        }

        if (!connectJwt.QshMatches(jwt, request, acceptContextQsh: false))
        {
            return "Invalid JWT: qsh does not match the request";
        }

        if (!jwt.Audiences.Any(IsOwnBaseUrl))
        {
            return "Invalid JWT: aud is not this app's baseUrl";
        }

        if (bodyClientKey is null || !string.Equals(ConnectJwtValidator.Claim(jwt, "iss"), bodyClientKey, StringComparison.Ordinal))
        {
            return "Invalid JWT: iss does not match the clientKey in the body";
        }

        return null;
    }

    private bool IsOwnBaseUrl(string audience) =>
        string.Equals(audience.TrimEnd('/'), runtime.DescriptorBaseUrl, StringComparison.Ordinal);
}
