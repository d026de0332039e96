using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rampart.DemoApps.Connect;

namespace Rampart.DemoApps.Web;

/// <summary>The iframe pages of every module type: GET (or POST) with a Connect JWT, answered with tenant data.</summary>
internal static class ModulePageEndpoints
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Post];

    public static void MapModulePages(this IEndpointRouteBuilder routes, DemoRuntime runtime, ConnectJwtValidator validator)
    {
        PageSpec[] pages =
        [
            new(DemoPaths.Report, "Report", IsReport: true),
            new(DemoPaths.Settings, "Settings", RedirectsAnonymous: true),
            new(DemoPaths.InstallGuide, "Install guide"),
            new(DemoPaths.IssueViewRoute, "Issue view"),
            new(DemoPaths.Busy, "Busy page"),
            new(DemoPaths.Tools, "Tools"),
            new(DemoPaths.NonAdminOnly, "Getting started"),
            new(DemoPaths.Export, "Export"),
            new(DemoPaths.IssuePanel, "Issue summary"),
            new(DemoPaths.MacroDynamic, "Status macro"),
            new(DemoPaths.MacroExport, "Status macro (export)"),
            new(DemoPaths.MacroEditor, "Status macro editor"),
            new(DemoPaths.PostFunctionView, "Post function"),
            new(DemoPaths.PostFunctionEdit, "Edit post function"),
            new(DemoPaths.PostFunctionCreate, "Create post function"),
            new(DemoPaths.AdminConfig, "Configuration", AdminOnly: true),
            new(DemoPaths.AdminConfigure, "Configure", AdminOnly: true),
            new(DemoPaths.AdminTools, "Admin tools", AdminOnly: true),
        ];

        foreach (var page in pages)
        {
            routes.MapMethods(page.Route, Methods, context => ServeAsync(context, page, runtime, validator));
        }

        var extra = new PageSpec(DemoPaths.ExtraRoute, "Extra page");
        routes.MapMethods(DemoPaths.ExtraRoute, Methods, context =>
        {
            var index = Convert.ToInt32(context.Request.RouteValues["index"], System.Globalization.CultureInfo.InvariantCulture);
            if (index < 1 || index > runtime.Options.ExtraPages)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return ServeAsync(context, extra, runtime, validator);
        });
    }

    private static Task ServeAsync(HttpContext context, PageSpec page, DemoRuntime runtime, ConnectJwtValidator validator)
    {
        var request = context.Request;

        // The flawed app mounted its JWT middleware for GET only, so a POST never meets it.
        if (HttpMethods.IsPost(request.Method) && runtime.Has(DemoFlaws.PostUnauthenticated))
        {
            return HtmlPage.WriteAsync(context, TenantPage.Render(runtime, page, context, runtime.Installations.Test, null));
        }

        var token = PresentedToken.From(request);
        if (token is null)
        {
            if (page.IsReport && runtime.Has(DemoFlaws.UnauthenticatedPage))
            {
                return HtmlPage.WriteAsync(context, TenantPage.Render(runtime, page, context, runtime.Installations.Test, null));
            }

            if (page.RedirectsAnonymous && HttpMethods.IsGet(request.Method))
            {
                var next = Uri.EscapeDataString(request.Path.ToUriComponent());
                context.Response.Redirect($"{DemoPaths.Login}?next={next}");
                return Task.CompletedTask;
            }

            return PlainResponses.UnauthorizedAsync(context, "Missing JWT.");
        }

        var result = validator.Validate(request, token, acceptContextQsh: true);
        if (!result.Succeeded)
        {
            return PlainResponses.UnauthorizedAsync(context, result.Failure!);
        }

        if (page.AdminOnly && !runtime.IsAdmin(result.AccountId) && !runtime.Has(DemoFlaws.AdminPageServesAnyUser))
        {
            return PlainResponses.ForbiddenAsync(context);
        }

        SessionCookie.Issue(context, runtime);
        return HtmlPage.WriteAsync(context, TenantPage.Render(runtime, page, context, result.Installation!, result.AccountId));
    }
}
