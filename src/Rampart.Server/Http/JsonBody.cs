using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Rampart.Server.Http;

/// <summary>
/// Reads a request body by hand instead of through minimal-API binding, so that every way it can be wrong
/// (content type, size, syntax, missing or unknown fields) becomes a problem that names what and where.
/// </summary>
public static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpContext context, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var bytes = await ReadBytesAsync(context, cancellationToken);
        if (bytes.Length == 0)
        {
            throw new ApiProblemException(400, "Request body missing", "The request body is empty; a JSON object is expected.");
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(bytes.Span, WireJson.Options);
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }

        return value ?? throw new ApiProblemException(400, "Request body missing", "The request body is JSON null; a JSON object is expected.");
    }

    /// <summary>
    /// Reads the whole body into memory, refusing a wrong content type and a declared length above the request's body
    /// limit (Kestrel's, raised per endpoint by <c>[RequestSizeLimit]</c> metadata). A body without a length that grows
    /// past the limit is cut off by Kestrel itself (<see cref="BadHttpRequestException"/>, 413).
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>> ReadBytesAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        RequireJson(context.Request);
        // Refused before the first read, so a client that sent 'Expect: 100-continue' never sends the body.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit && context.Request.ContentLength > limit)
        {
            throw new ApiProblemException(413, "Payload too large",
                $"The request body has {context.Request.ContentLength.Value} bytes; this endpoint accepts at most {limit} bytes.");
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    public static ApiProblemException Malformed(JsonException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var where = ex.LineNumber is { } line
            ? $" at line {line + 1}, byte {ex.BytePositionInLine + 1}{(string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" ({ex.Path})")}"
            : string.IsNullOrEmpty(ex.Path) ? "" : $" at {ex.Path}";
        return new ApiProblemException(400, "Malformed JSON", $"The request body is not valid for this endpoint{where}: {ex.Message}");
    }

    private static void RequireJson(HttpRequest request)
    {
        if (string.IsNullOrEmpty(request.ContentType))
        {
            throw new ApiProblemException(415, "Unsupported media type", "The request has no Content-Type; send 'Content-Type: application/json'.");
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || !(media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                 || media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true))
        {
            throw new ApiProblemException(415, "Unsupported media type", $"Content-Type '{request.ContentType}' is not accepted; send 'application/json'.");
        }
    }
}
