using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Rampart.DemoApps.Web;

/// <summary>The HTML shell every page shares, with the referrer meta tag the app's policy calls for.</summary>
internal static class HtmlPage
{
    public static string Render(DemoRuntime runtime, string title, string bodyHtml)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        if (SecurityHeaders.MetaValue(runtime) is { } referrer)
        {
            html.Append("<meta name=\"referrer\" content=\"").Append(referrer).Append("\">\n");
        }

        html.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append(" - ")
            .Append(WebUtility.HtmlEncode(runtime.Options.Name)).Append("</title>\n</head>\n<body>\n")
            .Append(bodyHtml)
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    public static Task WriteAsync(HttpContext context, string html)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }

    public static Task WriteAsync(HttpContext context, byte[] html)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = html.Length;
        return context.Response.Body.WriteAsync(html, context.RequestAborted).AsTask();
    }
}
