namespace Rampart.Scanning.Http;

/// <summary>Keeps secrets out of evidence: reports show enough to recognise a value, never the whole of it.</summary>
public static class Redaction
{
    /// <summary>Shortens long opaque values (JWTs, keys) to their first and last characters.</summary>
    public static string ShortenToken(string value)
    {
        const int keep = 12;
        if (value.Length <= 48)
        {
            return value;
        }

        return $"{value[..keep]}…{value[^6..]} ({value.Length} chars)";
    }

    /// <summary>Masks a secret: the first four characters, then stars.</summary>
    public static string Mask(string secret)
    {
        if (secret.Length <= 8)
        {
            return new string('*', secret.Length);
        }

        return string.Concat(secret.AsSpan(0, 4), new string('*', Math.Min(secret.Length - 4, 16)));
    }
}
