using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Rampart.DemoApps.Connect;

namespace Rampart.DemoApps.Web;

/// <summary>The content of a module page: the tenant's site, clientKey and the viewer, i.e. data worth protecting.</summary>
internal static class TenantPage
{
    public static string Render(DemoRuntime runtime, PageSpec page, HttpContext context, Installation tenant, string? viewer)
    {
        var data = new JsonObject
        {
            ["site"] = tenant.BaseUrl,
            ["clientKey"] = tenant.ClientKey,
            ["accountId"] = viewer,
        };

        var body = new StringBuilder();
        body.Append("<h1>").Append(WebUtility.HtmlEncode(page.Title)).Append("</h1>\n")
            .Append("<p>Site: <a href=\"").Append(WebUtility.HtmlEncode(tenant.BaseUrl)).Append("\">")
            .Append(WebUtility.HtmlEncode(tenant.BaseUrl)).Append("</a></p>\n")
            .Append("<p>Installation: ").Append(WebUtility.HtmlEncode(tenant.ClientKey)).Append("</p>\n")
            .Append("<p>Signed in as: ").Append(WebUtility.HtmlEncode(viewer ?? "(nobody)")).Append("</p>\n");

        foreach (var (name, value) in context.Request.RouteValues)
        {
            body.Append("<p>").Append(WebUtility.HtmlEncode(name)).Append(": ")
                .Append(WebUtility.HtmlEncode(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)))
                .Append("</p>\n");
        }

        if (page.IsReport)
        {
            data["issues"] = new JsonArray(
                new JsonObject { ["key"] = "DEMO-1", ["summary"] = "Rotate the shared secret", ["accountId"] = runtime.AdminAccountId },
                new JsonObject { ["key"] = "DEMO-2", ["summary"] = "Review app scopes", ["accountId"] = runtime.UserAccountId });

            // Real report pages carry client-side error handling; these words are why a body-word heuristic fails.
            body.Append("<p>Rows with an invalid assignee are marked as an error.</p>\n")
                .Append("<script>window.addEventListener('error', function () { document.body.dataset.state = 'error'; });</script>\n");
        }

        body.Append("<script type=\"application/json\" id=\"tenant-data\">").Append(data.ToJsonString()).Append("</script>\n")
            .Append(DemoContent.PageFragment(runtime, page));
        return HtmlPage.Render(runtime, page.Title, body.ToString());
    }
}
