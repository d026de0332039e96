using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Rampart.DemoApps.Connect;

/// <summary>Signature checks over the compact serialization exactly as received.</summary>
internal static class JwtSignature
{
    public static bool IsValidHs256(string token, string sharedSecret)
    {
        if (!TrySplit(token, out var signingInput, out var signature))
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(sharedSecret), signingInput);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }

    public static bool IsValidRs256(string token, RSA key)
    {
        return TrySplit(token, out var signingInput, out var signature)
            && key.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private static bool TrySplit(string token, out byte[] signingInput, out byte[] signature)
    {
        signingInput = [];
        signature = [];
        var lastDot = token.LastIndexOf('.');
        if (lastDot <= 0 || lastDot == token.Length - 1)
        {
            return false;
        }

        try
        {
            signature = Base64Url.DecodeFromChars(token.AsSpan(lastDot + 1));
        }
        catch (FormatException)
        {
            return false;
        }

        signingInput = Encoding.ASCII.GetBytes(token[..lastDot]);
        return true;
    }
}
