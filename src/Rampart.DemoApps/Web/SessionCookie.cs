using Microsoft.AspNetCore.Http;

namespace Rampart.DemoApps.Web;

/// <summary>
/// The Express-style <c>connect.sid</c> session cookie, written raw so its attributes are exactly what a scanner
/// must judge (not whatever a cookie builder decides to emit).
/// </summary>
internal static class SessionCookie
{
    public const string Name = "connect.sid";

    public static void Issue(HttpContext context, DemoRuntime runtime)
    {
        var value = DemoRuntime.Base64UrlSecret(24);
        var attributes = runtime.Has(DemoFlaws.InsecureSessionCookie)
            ? "Path=/; SameSite=None"
            : "Path=/; Secure; HttpOnly; SameSite=None";
        context.Response.Headers.Append("Set-Cookie", $"{Name}={value}; {attributes}");
    }
}
