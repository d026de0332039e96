using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Rampart.Server.Http;

/// <summary>Writes one <see cref="Problem"/> as the response; the only way an error leaves the server.</summary>
public static class ProblemWriter
{
    public const string ContentType = "application/problem+json";

    public static async Task WriteAsync(HttpContext context, int status, string slug, string title, string detail,
        IReadOnlyDictionary<string, string[]>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = new Problem(
            Problem.TypeBase + slug,
            title,
            status,
            detail,
            context.Request.Path.Value,
            errors,
            Activity.Current?.Id ?? context.TraceIdentifier);
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(context.Response.Body, problem, WireJson.Options, context.RequestAborted);
    }

    /// <summary>The slug for a status when nothing more specific is known.</summary>
    public static string SlugFor(int status) => status switch
    {
        400 => "bad-request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        409 => "conflict",
        413 => "payload-too-large",
        415 => "unsupported-media-type",
        422 => "unprocessable",
        _ when status >= 500 => "internal-error",
        _ => "error",
    };
}
