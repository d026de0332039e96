using Microsoft.AspNetCore.Http;

namespace Rampart.DemoApps.Web;

/// <summary>Short text answers for refusals and acknowledgements.</summary>
internal static class PlainResponses
{
    public static Task UnauthorizedAsync(HttpContext context, string reason)
    {
        context.Response.Headers.WWWAuthenticate = "JWT";
        return TextAsync(context, StatusCodes.Status401Unauthorized, "401 Unauthorized. " + reason);
    }

    public static Task ForbiddenAsync(HttpContext context) =>
        TextAsync(context, StatusCodes.Status403Forbidden, "403 Forbidden. Administrators only.");

    public static Task BadRequestAsync(HttpContext context, string reason) =>
        TextAsync(context, StatusCodes.Status400BadRequest, "400 Bad Request. " + reason);

    public static Task NoContentAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public static Task TextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text + "\n", context.RequestAborted);
    }
}
