using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Rampart.DemoApps.Tests.Support;

/// <summary>Mints the tokens a product, a user or an attacker would present, without the app's help.</summary>
internal static class TestJwt
{
    public static JsonObject Claims(string? iss, string? sub, string? qsh, DateTimeOffset exp, DateTimeOffset? iat = null)
    {
        var claims = new JsonObject { ["iat"] = (iat ?? exp.AddMinutes(-3)).ToUnixTimeSeconds(), ["exp"] = exp.ToUnixTimeSeconds() };
        if (iss is not null)
        {
            claims["iss"] = iss;
        }

        if (sub is not null)
        {
            claims["sub"] = sub;
        }

        if (qsh is not null)
        {
            claims["qsh"] = qsh;
        }

        return claims;
    }

    public static string Hs256(JsonObject claims, string secret) =>
        Sign(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" }, claims, input => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), input));

    public static string Unsigned(JsonObject claims) =>
        Encode(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" }) + "." + Encode(claims) + ".";

    public static string Rs256(JsonObject claims, RSA key, string kid) =>
        Sign(
            new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = kid },
            claims,
            input => key.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>Replaces the payload of a signed token and keeps the old signature: a tampered token.</summary>
    public static string Tamper(string token, JsonObject newClaims)
    {
        var parts = token.Split('.');
        return parts[0] + "." + Encode(newClaims) + "." + parts[2];
    }

    public static JsonObject Payload(string token) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]))!.AsObject();

    public static JsonObject Header(string token) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[0]))!.AsObject();

    private static string Sign(JsonObject header, JsonObject claims, Func<byte[], byte[]> signer)
    {
        var input = Encode(header) + "." + Encode(claims);
        return input + "." + Base64Url.EncodeToString(signer(Encoding.ASCII.GetBytes(input)));
    }

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
