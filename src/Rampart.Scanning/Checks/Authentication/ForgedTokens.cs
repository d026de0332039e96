using System.Text.Json.Nodes;
using Rampart.Scanning.Jwt;

namespace Rampart.Scanning.Checks.Authentication;

/// <summary>Tokens no correct Connect app accepts: signed with a random secret, or not signed at all.</summary>
public static class ForgedTokens
{
    public const string ForgedIssuer = "rampart-forged-token-ignore";

    public static string Hs256(string method, Uri url, Uri baseUrl, DateTimeOffset now, string? issuer) =>
        ConnectJwt.CreateHs256(Claims(method, url, baseUrl, now, issuer), ConnectJwt.RandomSecret());

    public static string AlgNone(string method, Uri url, Uri baseUrl, DateTimeOffset now, string? issuer) =>
        ConnectJwt.CreateUnsigned(Claims(method, url, baseUrl, now, issuer));

    // A correct qsh and (when known) the real clientKey make the forgery fail on its signature alone,
    // so an app that checks everything but the signature is still caught.
    private static JsonObject Claims(string method, Uri url, Uri baseUrl, DateTimeOffset now, string? issuer) =>
        ConnectJwt.Claims(issuer ?? ForgedIssuer, QueryStringHash.Compute(method, url, baseUrl), now, TimeSpan.FromMinutes(3));
}
