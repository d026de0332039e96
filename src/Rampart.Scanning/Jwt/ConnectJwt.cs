using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Rampart.Scanning.Jwt;

/// <summary>Mints the Connect JWTs the authentication checks send: valid ones, forged ones and deliberately broken ones.</summary>
public static class ConnectJwt
{
    /// <summary>HS256 with the Connect convention that the shared secret's UTF-8 bytes are the HMAC key.</summary>
    /// <remarks>
    /// Hand-rolled on <see cref="HMACSHA256"/> because IdentityModel refuses HMAC keys under 256 bits, and real
    /// shared secrets (and forged tokens) must be signable whatever their length.
    /// </remarks>
    public static string CreateHs256(JsonObject claims, string secret)
    {
        var signingInput = $"{Segment(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" })}.{Segment(claims)}";
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>An unsigned token (<c>alg: none</c>): a correct app refuses it whatever its claims.</summary>
    public static string CreateUnsigned(JsonObject claims) =>
        $"{Segment(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" })}.{Segment(claims)}.";

    /// <summary>An RS256 token signed by <paramref name="key"/>, with <paramref name="keyId"/> in its header.</summary>
    public static string CreateRs256(JsonObject claims, RSA key, string keyId)
    {
        var credentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(claims.ToJsonString(), credentials);
    }

    /// <summary>The same token with its signature corrupted (first signature byte flipped).</summary>
    public static string TamperSignature(string token)
    {
        var lastDot = token.LastIndexOf('.');
        var signature = Base64UrlEncoder.DecodeBytes(token[(lastDot + 1)..]);
        if (signature.Length == 0)
        {
            return token + "AAAA";
        }

        signature[0] ^= 0x5A;
        return $"{token[..lastDot]}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>Standard Connect claims for a request: issuer, issued/expiry times and the request's qsh.</summary>
    public static JsonObject Claims(string issuer, string qsh, DateTimeOffset issuedAt, TimeSpan lifetime, string? subject = null)
    {
        var claims = new JsonObject
        {
            ["iss"] = issuer,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = (issuedAt + lifetime).ToUnixTimeSeconds(),
            ["qsh"] = qsh,
        };
        if (subject is not null)
        {
            claims["sub"] = subject;
        }

        return claims;
    }

    /// <summary>A random secret for tokens that must not verify anywhere.</summary>
    public static string RandomSecret() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private static string Segment(JsonObject json) =>
        Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json.ToJsonString(JsonSerializerOptions.Default)));
}
