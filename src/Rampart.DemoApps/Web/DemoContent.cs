using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Rampart.DemoApps.Web;

/// <summary>
/// The served content a scanner reads for secrets and credential collection: the app's script and source map and the
/// fragments module pages embed. The secure variants hold look-alikes (a CSRF token, the documented AWS example key,
/// an OAuth link, a Bearer header) so a scanner that flags them is caught by the secure app.
/// </summary>
internal static class DemoContent
{
    public const string ScriptPath = "/assets/app.js";
    public const string MapPath = "/assets/app.js.map";
    public const string ApiTokenPage = "https://id.atlassian.com/manage-profile/security/api-tokens";

    // Built by concatenation so repository secret scanners do not flag the demo's deliberately fake credentials.
    internal static readonly string PlantedGitHubToken = "ghp_" + "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d";
    internal static readonly string PlantedSharedSecret = "KLzdocJ2isAj" + "IhKtJ0RlgLKOmxgJTeKd";
    internal static readonly string PlantedAwsSecret = "A/2O76UMFxFkM/R5Kjp1" + "vRt+1fjORS/6ilI8ihN5";

    public static void MapAssets(this IEndpointRouteBuilder routes, DemoRuntime runtime)
    {
        var script = Encoding.UTF8.GetBytes(Script(runtime));
        var map = Encoding.UTF8.GetBytes(Map(runtime));
        routes.MapGet(ScriptPath, context =>
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            context.Response.Headers["SourceMap"] = "app.js.map";
            return context.Response.Body.WriteAsync(script, context.RequestAborted).AsTask();
        });
        routes.MapGet(MapPath, context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.Body.WriteAsync(map, context.RequestAborted).AsTask();
        });
    }

    /// <summary>Appended to every module page: the app's script, plus the report page's inline configuration.</summary>
    public static string PageFragment(DemoRuntime runtime, PageSpec page)
    {
        var html = new StringBuilder();
        if (page.IsReport)
        {
            html.Append(runtime.Has(DemoFlaws.SecretInPage)
                ? $"<script>\nwindow.demoConfig = {{\n  sharedSecret: \"{PlantedSharedSecret}\",\n  awsSecretAccessKey: \"{PlantedAwsSecret}\"\n}};\n</script>\n"
                : "<script>\nwindow.demoConfig = {\n  csrfToken: \"sTy4Qwb8DwkNhFdnXsiVpzz63FfkCzJr\",\n  sharedSecret: \"\"\n};\n</script>\n");
        }

        if (page.Route == DemoPaths.Settings)
        {
            html.Append(runtime.Has(DemoFlaws.CollectsApiToken)
                ? "<form method=\"post\" action=\"/pages/settings\">\n" +
                  "<label for=\"api_token\">Your Atlassian API token</label>\n" +
                  "<input type=\"password\" name=\"api_token\" id=\"api_token\">\n" +
                  $"<p>Create one at <a href=\"{ApiTokenPage}\">your Atlassian account</a>.</p>\n" +
                  "<button type=\"submit\">Save</button>\n</form>\n"
                : "<form role=\"search\"><input type=\"search\" name=\"q\" placeholder=\"Search issues\"></form>\n" +
                  "<form method=\"post\" action=\"/pages/settings\">\n" +
                  "<input type=\"hidden\" name=\"csrf_token\" value=\"sTy4Qwb8DwkNhFdnXsiVpzz63FfkCzJr\">\n" +
                  "<button type=\"submit\">Save</button>\n</form>\n" +
                  "<a href=\"https://auth.atlassian.com/authorize?audience=api.atlassian.com&amp;client_id=demo&amp;" +
                  "scope=read%3Ajira-work&amp;response_type=code&amp;prompt=consent\">Connect your account</a>\n" +
                  "<p>This app never needs your password or an API token: it acts with its installation's credentials.</p>\n");
        }

        html.Append("<script src=\"").Append(WebUtility.HtmlEncode(ScriptPath)).Append("\"></script>\n");
        return html.ToString();
    }

    private static string Script(DemoRuntime runtime)
    {
        var js = new StringBuilder("(function () {\n  'use strict';\n");
        js.Append("  function callApp(path, jwt) {\n    return fetch(path, { headers: { 'Authorization': 'JWT ' + jwt } });\n  }\n");
        js.Append(runtime.Has(DemoFlaws.BasicAuthInBrowser)
            ? "  function callJira(site, email, apiToken, path) {\n" +
              "    return fetch(site + path, { headers: { 'Authorization': 'Basic ' + btoa(email + ':' + apiToken) } });\n  }\n"
            : "  // The documented example key, kept to show the configuration's shape.\n" +
              "  var exampleAwsSecretAccessKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';\n" +
              "  function encodeState(state) { return btoa(JSON.stringify(state)); }\n");
        js.Append("  window.demoApp = { callApp: callApp };\n})();\n//# sourceMappingURL=app.js.map\n");
        return js.ToString();
    }

    private static string Map(DemoRuntime runtime)
    {
        var config = runtime.Has(DemoFlaws.SecretInScript)
            ? $"export const githubToken = \"{PlantedGitHubToken}\";\n"
            : "export const githubToken = process.env.GITHUB_TOKEN ?? \"\";\n";
        return new JsonObject
        {
            ["version"] = 3,
            ["file"] = "app.js",
            ["sources"] = new JsonArray("webpack://demo/src/app.ts", "webpack://demo/src/config.ts"),
            ["sourcesContent"] = new JsonArray("export function callApp(path: string, jwt: string) {}\n", config),
            ["mappings"] = "",
        }.ToJsonString();
    }
}
