using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Rampart.DemoApps.Connect;

/// <summary>The fields of a lifecycle callback body the app acts on (requirements.md §6.3).</summary>
internal sealed record InstallPayload(string ClientKey, string? SharedSecret, string? BaseUrl)
{
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>Reads and parses the body; null when it is not a lifecycle payload (too large, not JSON, no clientKey).</summary>
    public static async Task<InstallPayload?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "clientKey") is not { } clientKey)
            {
                return null;
            }

            return new InstallPayload(clientKey, Text(root, "sharedSecret"), Text(root, "baseUrl"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
