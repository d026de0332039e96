using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Rampart.Tracking;

namespace Rampart.Server.Http;

/// <summary>
/// Turns every exception that escapes an endpoint into a problem document: the domain's refusals keep their
/// own status and words; anything else is a 500 that names the trace id, never a stack trace.
/// </summary>
public sealed partial class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody is left to read an answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, ex);
        }
    }

    private async Task WriteAsync(HttpContext context, Exception exception)
    {
        context.Response.Clear();
        switch (exception)
        {
            case ApiProblemException problem:
                await ProblemWriter.WriteAsync(context, problem.Status, ProblemWriter.SlugFor(problem.Status), problem.Title, problem.Message, problem.Errors);
                break;
            case TrackingException tracking:
                await ProblemWriter.WriteAsync(context, tracking.StatusCode, tracking.Type, tracking.Title, tracking.Detail,
                    (tracking as ValidationException)?.Errors);
                break;
            case BadHttpRequestException bad:
                // Kestrel's own refusals: the body exceeded the endpoint's limit, a broken chunked encoding, ...
                await ProblemWriter.WriteAsync(context, bad.StatusCode, ProblemWriter.SlugFor(bad.StatusCode),
                    bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Payload too large" : "Bad request", bad.Message);
                break;
            default:
                LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
                await ProblemWriter.WriteAsync(context, StatusCodes.Status500InternalServerError, "internal-error", "Internal error",
                    "The server failed to handle the request; the error is in the server log under this trace id. Nothing was written.");
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
