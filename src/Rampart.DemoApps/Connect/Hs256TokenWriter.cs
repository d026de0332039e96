using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Rampart.DemoApps.Connect;

/// <summary>Writes HS256 JWTs by hand, so claim times come from the injected clock and nothing is added behind our back.</summary>
internal static class Hs256TokenWriter
{
    public static string Write(JsonObject claims, string sharedSecret)
    {
        var header = Encode(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" }.ToJsonString());
        var payload = Encode(claims.ToJsonString());
        var signingInput = header + "." + payload;
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(sharedSecret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
