using System.Collections.Frozen;

namespace Rampart.Scanning.Connect;

/// <summary>
/// The places inside a module where a <c>url</c> does not name an endpoint of the app. Everything else named
/// <c>url</c> is collected, in any module type, at any depth.
/// </summary>
/// <remarks>
/// Unlike CSRT, skipping here only keeps a URL out of the endpoint list; its text still reaches
/// <see cref="ConnectDescriptor.Strings"/>, so secrets in it are still found. Nothing is skipped by module type
/// (CSRT dropped <c>jiraBackgroundScripts</c> and <c>postInstallPage</c>, which are iframes served by the app), and
/// <c>cacheable</c> modules are kept and flagged rather than dropped.
/// </remarks>
internal static class NonEndpointKeys
{
    /// <summary>Keys whose whole value is skipped.</summary>
    public static readonly FrozenSet<string> SkippedSubtrees = FrozenSet.Create(StringComparer.Ordinal,
        // {url, width, height}: an image the product shows beside the module (often on a CDN); fetched by the
        // browser as a plain image, without a JWT, so it is public by design.
        "icon",
        // The plural form some modules use for several icon sizes; the same images.
        "icons",
        // {url}: a link to the vendor's public help pages (macro documentation), opened by the user, never
        // embedded or signed.
        "documentation",
        // {url, width, height}: the static picture Confluence's editor shows in place of a macro.
        "imagePlaceholder");

    /// <summary>
    /// Objects whose own <c>url</c> is a static resource but whose other members are walked. A blueprint's
    /// <c>template.url</c> is the storage-format template file, the same for every tenant; its
    /// <c>template.blueprintContext.url</c> is a JWT-signed call that returns tenant data and is collected
    /// (CSRT skipped the whole <c>template</c>).
    /// </summary>
    public static readonly FrozenSet<string> StaticResourceHolders = FrozenSet.Create(StringComparer.Ordinal, "template");

    /// <summary>
    /// Values of a web item's <c>context</c> that make a relative <c>url</c> something other than an app path:
    /// <c>product</c> resolves it against the Atlassian product's base URL, <c>page</c> makes it the key of a page
    /// module (whose own URL is collected where that module is declared). Absolute URLs are collected whatever the
    /// context.
    /// </summary>
    public static readonly FrozenSet<string> NonAppUrlContexts = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "product", "page");
}
