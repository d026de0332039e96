using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Rampart.Tracking;

namespace Rampart.Server.Http;

/// <summary>
/// Turns every exception that escapes an endpoint into a problem document (behind <c>UseExceptionHandler</c>): the
/// domain's refusals keep their own status and words; Kestrel's refusals keep their status; anything else is a 500
/// that names the trace id, never a stack trace, and is logged with its stack.
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case ApiProblemException problem:
                await ProblemWriter.WriteAsync(httpContext, problem.Status, ProblemCustomization.SlugFor(problem.Status), problem.Title, problem.Message, problem.Errors);
                break;
            case TrackingException tracking:
                await ProblemWriter.WriteAsync(httpContext, tracking.StatusCode, tracking.Type, tracking.Title, tracking.Detail,
                    tracking switch { ValidationException v => v.Errors, ReportRejectedException r => r.Errors, _ => null });
                break;
            case BadHttpRequestException bad:
                // Kestrel's own refusals: the body exceeded the endpoint's limit, a broken chunked encoding, ...
                await ProblemWriter.WriteAsync(httpContext, bad.StatusCode, ProblemCustomization.SlugFor(bad.StatusCode),
                    bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Payload too large" : "Bad request", bad.Message);
                break;
            default:
                ServerLog.UnhandledRequestError(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
                // No words of its own: ProblemCustomization gives the 500 its title and the "see the log" detail.
                await ProblemWriter.WriteAsync(httpContext, StatusCodes.Status500InternalServerError);
                break;
        }

        return true;
    }
}
