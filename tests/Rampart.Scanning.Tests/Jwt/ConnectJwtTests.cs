using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using Rampart.Scanning.Jwt;

namespace Rampart.Scanning.Tests.Jwt;

public sealed class ConnectJwtTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Hs256_signature_is_the_hmac_of_the_signing_input_with_the_secret_bytes()
    {
        var token = ConnectJwt.CreateHs256(ConnectJwt.Claims("client-1", "abc", Now, TimeSpan.FromMinutes(3)), "short-secret");
        var parts = token.Split('.');

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes("short-secret"), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        Base64UrlEncoder.DecodeBytes(parts[2]).ShouldBe(expected);
        Header(token).GetProperty("alg").GetString().ShouldBe("HS256");
        Payload(token).GetProperty("iss").GetString().ShouldBe("client-1");
        Payload(token).GetProperty("exp").GetInt64().ShouldBe(Now.AddMinutes(3).ToUnixTimeSeconds());
    }

    [Fact]
    public void Unsigned_token_has_alg_none_and_an_empty_signature()
    {
        var token = ConnectJwt.CreateUnsigned(ConnectJwt.Claims("x", "q", Now, TimeSpan.FromMinutes(1)));

        token.ShouldEndWith(".");
        token.Split('.').Length.ShouldBe(3);
        Header(token).GetProperty("alg").GetString().ShouldBe("none");
    }

    [Fact]
    public void Tampering_changes_only_the_signature()
    {
        var token = ConnectJwt.CreateHs256(ConnectJwt.Claims("x", "q", Now, TimeSpan.FromMinutes(1)), "secret");
        var tampered = ConnectJwt.TamperSignature(token);

        tampered.ShouldNotBe(token);
        tampered[..tampered.LastIndexOf('.')].ShouldBe(token[..token.LastIndexOf('.')]);
    }

    [Fact]
    public void Rs256_token_carries_the_key_id_and_verifies_with_the_public_key()
    {
        using var key = RSA.Create(2048);
        var token = ConnectJwt.CreateRs256(ConnectJwt.Claims("x", "q", Now, TimeSpan.FromMinutes(1)), key, "kid-1");
        var parts = token.Split('.');

        Header(token).GetProperty("kid").GetString().ShouldBe("kid-1");
        Header(token).GetProperty("alg").GetString().ShouldBe("RS256");
        key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64UrlEncoder.DecodeBytes(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .ShouldBeTrue();
    }

    private static JsonElement Header(string token) => JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[0])).RootElement;

    private static JsonElement Payload(string token) => JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[1])).RootElement;
}
