using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Rampart.Server.Http;

/// <summary>
/// Gives bodiless error responses (no such route, method not allowed, refused by authorization) a problem
/// body that says what was asked for and what would have worked.
/// </summary>
public static class StatusCodeProblems
{
    public static Task WriteAsync(StatusCodeContext statusContext)
    {
        ArgumentNullException.ThrowIfNull(statusContext);
        var context = statusContext.HttpContext;
        var status = context.Response.StatusCode;
        var request = $"{context.Request.Method} {context.Request.Path}";
        var (title, detail) = status switch
        {
            404 => ("Not found", $"There is no endpoint for {request}; the API is described at /openapi/v1.json."),
            405 => ("Method not allowed", $"{context.Request.Method} is not allowed on {context.Request.Path}"
                + (context.Response.Headers.Allow.Count > 0 ? $"; allowed: {context.Response.Headers.Allow}." : ".")),
            401 => ("Unauthenticated", $"{request} needs 'Authorization: Bearer <token>'."),
            403 => ("Forbidden", $"Your token's role may not call {request}."),
            413 => ("Payload too large", $"The request body of {request} is larger than the endpoint accepts."),
            415 => ("Unsupported media type", $"{request} accepts 'application/json' only; the request's Content-Type is "
                + (string.IsNullOrEmpty(context.Request.ContentType) ? "missing." : $"'{context.Request.ContentType}'.")),
            _ => (ReasonPhrase(status), $"{request} failed with status {status}."),
        };
        return ProblemWriter.WriteAsync(context, status, ProblemWriter.SlugFor(status), title, detail);
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
