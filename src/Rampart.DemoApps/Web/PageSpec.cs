namespace Rampart.DemoApps.Web;

/// <summary>One module page the app renders with tenant data.</summary>
/// <param name="Route">ASP.NET route pattern.</param>
/// <param name="Title">Page heading.</param>
/// <param name="AdminOnly">Needs a token whose <c>sub</c> is the admin account.</param>
/// <param name="RedirectsAnonymous">A GET without any token is sent to the login page instead of a 401.</param>
/// <param name="IsReport">The report page: lists tenant issues and is the page <see cref="DemoFlaws.UnauthenticatedPage"/> opens.</param>
internal sealed record PageSpec(
    string Route,
    string Title,
    bool AdminOnly = false,
    bool RedirectsAnonymous = false,
    bool IsReport = false);
