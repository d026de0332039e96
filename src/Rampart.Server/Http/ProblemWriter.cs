using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Rampart.Server.Http;

/// <summary>
/// Writes one problem as the response through the framework's <see cref="IProblemDetailsService"/> (so
/// <see cref="ProblemCustomization"/> sees it too); the only way an error leaves the server.
/// </summary>
public static class ProblemWriter
{
    public const string ContentType = "application/problem+json";

    /// <summary>Writes a problem; a null <paramref name="title"/> or <paramref name="detail"/> takes the status's own.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string? slug = null, string? title = null, string? detail = null,
        IReadOnlyDictionary<string, string[]>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = new ProblemDetails
        {
            Status = status,
            Type = slug is null ? null : Problem.TypeBase + slug,
            Title = title,
            Detail = detail,
        };
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        context.Response.StatusCode = status;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            // The default writer declines when the request's Accept header excludes JSON; the answer is a problem all the same.
            ProblemCustomization.Apply(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
            await context.Response.WriteAsJsonAsync(problem, WireJson.Options, ContentType, context.RequestAborted);
        }
    }
}
