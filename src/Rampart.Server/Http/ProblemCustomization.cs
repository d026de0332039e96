using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Rampart.Server.Http;

/// <summary>
/// The one place every problem the server writes passes through (<c>ProblemDetailsOptions.CustomizeProblemDetails</c>):
/// the framework's own problems (status-code pages for 404/405, an exception no handler took) get Rampart's type URI,
/// a title, a detail that says what was asked for and what would have worked, and the request path as the instance.
/// Problems the server built itself (<see cref="ProblemWriter"/>) keep their words.
/// </summary>
internal static class ProblemCustomization
{
    public static void Apply(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        var status = problem.Status ?? http.Response.StatusCode;
        problem.Status = status;
        problem.Instance ??= http.Request.Path.Value;
        if (problem.Type?.StartsWith(Problem.TypeBase, StringComparison.Ordinal) != true)
        {
            // The framework's default type is the RFC section of the status; Rampart's types name the kind of problem.
            problem.Type = Problem.TypeBase + SlugFor(status);
            var (title, detail) = Describe(http, status);
            problem.Title = title;
            problem.Detail ??= detail;
        }

        // The trace id last, after "errors", as the wire has always had it; the framework adds one only if absent.
        problem.Extensions.Remove("traceId");
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
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

    private static (string Title, string Detail) Describe(HttpContext context, int status)
    {
        var request = $"{context.Request.Method} {context.Request.Path}";
        return status switch
        {
            400 => ("Bad request", $"{request} is not a valid request."),
            404 => ("Not found", $"There is no endpoint for {request}; the API is described at /openapi/v1.json."),
            405 => ("Method not allowed", $"{context.Request.Method} is not allowed on {context.Request.Path}"
                + (context.Response.Headers.Allow.Count > 0 ? $"; allowed: {context.Response.Headers.Allow}." : ".")),
            401 => ("Unauthenticated", $"{request} needs 'Authorization: Bearer <token>'."),
            403 => ("Forbidden", $"Your token's role may not call {request}."),
            413 => ("Payload too large", $"The request body of {request} is larger than the endpoint accepts."),
            415 => ("Unsupported media type", $"{request} accepts 'application/json' only; the request's Content-Type is "
                + (string.IsNullOrEmpty(context.Request.ContentType) ? "missing." : $"'{context.Request.ContentType}'.")),
            >= 500 => ("Internal error", "The server failed to handle the request; the error is in the server log under this trace id. Nothing was written."),
            _ => (ReasonPhrase(status), $"{request} failed with status {status}."),
        };
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
