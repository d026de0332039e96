using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Rampart.DemoApps.Web;

/// <summary>What anyone may fetch: the descriptor, the login page and static content that holds no tenant data.</summary>
internal static class PublicEndpoints
{
    // Served as JSON, never embedded in HTML, so '&' and '+' in URLs stay readable.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void MapPublicContent(this IEndpointRouteBuilder routes, DemoRuntime runtime)
    {
        routes.MapGet(DemoPaths.Descriptor, context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.WriteAsync(
                DescriptorBuilder.Build(runtime).ToJsonString(Indented),
                context.RequestAborted);
        });

        // Rendered once: a static page answers with the same bytes whatever the caller presents.
        MapStatic(routes, DemoPaths.StaticHelp, HtmlPage.Render(
            runtime,
            "Help",
            "<h1>Help</h1>\n<p>Open the app from your site's Apps menu. This page is the same for everyone.</p>\n"));
        MapStatic(routes, DemoPaths.StaticIndex, HtmlPage.Render(
            runtime,
            "Overview",
            "<h1>Overview</h1>\n<p>A static page with no per-site data.</p>\n"));

        if (runtime.Options.StaticOnly)
        {
            return;
        }

        MapStatic(routes, DemoPaths.MacroCached, HtmlPage.Render(
            runtime,
            "Cached macro",
            "<div class=\"demo-macro\">Static macro content, cached by the product.</div>\n"));
        MapStatic(routes, DemoPaths.Login, HtmlPage.Render(
            runtime,
            "Sign in",
            "<h1>Sign in</h1>\n<p>Open this app from your Atlassian site to sign in.</p>\n"));
    }

    private static void MapStatic(IEndpointRouteBuilder routes, string path, string html)
    {
        var bytes = Encoding.UTF8.GetBytes(html);
        routes.MapGet(path, context => HtmlPage.WriteAsync(context, bytes));
    }
}
