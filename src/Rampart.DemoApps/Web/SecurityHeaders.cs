using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Rampart.DemoApps.Web;

/// <summary>
/// Referrer-Policy, Cache-Control and Strict-Transport-Security on every response, whatever wrote it (handlers, routing's 404/405, the rate
/// limiter): set when the response starts, so no path can forget them.
/// </summary>
internal static class SecurityHeaders
{
    public const string SafeReferrerPolicy = "strict-origin-when-cross-origin";
    public const string LeakyReferrerPolicy = "strict-origin, unsafe-url";
    public const string CacheControl = "no-store";
    public const string Hsts = "max-age=63072000";
    public const string ShortHsts = "max-age=86400";

    public static void UseSecurityHeaders(this IApplicationBuilder app, DemoRuntime runtime)
    {
        var referrerPolicy = HeaderValue(runtime);
        var cacheControl = runtime.Has(DemoFlaws.MissingCacheControl) ? null : CacheControl;
        var hsts = runtime.Has(DemoFlaws.MissingHsts) ? null : runtime.Has(DemoFlaws.ShortHsts) ? ShortHsts : Hsts;
        var hstsOnSuccessOnly = runtime.Has(DemoFlaws.HstsOnlyOn200);
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (referrerPolicy is not null)
                {
                    headers["Referrer-Policy"] = referrerPolicy;
                }

                if (cacheControl is not null)
                {
                    headers.CacheControl = cacheControl;
                }

                if (hsts is not null && (!hstsOnSuccessOnly || context.Response.StatusCode is >= 200 and < 300))
                {
                    headers.StrictTransportSecurity = hsts;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>
    /// The referrer meta tag's value. It follows the header: a safe meta tag would quietly mend a flawed header for
    /// HTML documents and the flaw would no longer be real.
    /// </summary>
    public static string? MetaValue(DemoRuntime runtime) =>
        runtime.Has(DemoFlaws.MissingReferrerPolicy) ? null
        : runtime.Has(DemoFlaws.LeakyReferrerPolicy) ? "unsafe-url"
        : SafeReferrerPolicy;

    private static string? HeaderValue(DemoRuntime runtime) =>
        runtime.Has(DemoFlaws.MissingReferrerPolicy) ? null
        : runtime.Has(DemoFlaws.LeakyReferrerPolicy) ? LeakyReferrerPolicy
        : SafeReferrerPolicy;
}
