namespace Rampart.Forge.Analysis;

/// <summary>A call to a product REST API through Forge: <c>api.asApp().requestJira(route`...`, { method })</c> and friends.</summary>
/// <param name="AsApp">True for <c>asApp()</c> (the app's own identity), false for <c>asUser()</c> and bridge calls.</param>
/// <param name="Route">The route with every non-constant part as <c>{}</c>, or null when it is not built from strings.</param>
public sealed record ProductCall(bool AsApp, string Api, string Product, string? Route, string Method)
{
    private static readonly string[] ReadLikePost = ["search", "bulkfetch", "permissions/check", "mypermissions", "/permission", "jql/parse", "jql/match"];

    /// <summary>Routes that ask Atlassian whether a user may do something: the manual authorization check Forge recommends.</summary>
    public bool IsPermissionCheck => Route is not null && Route.Contains("permission", StringComparison.OrdinalIgnoreCase);

    /// <summary>Changes data: a non-GET REST call that is not a search dressed as POST, or a GraphQL mutation.</summary>
    public bool Writes => Api == "requestGraph"
        ? Route?.Contains("mutation", StringComparison.OrdinalIgnoreCase) == true
        : Method is not "GET" and not "HEAD" && !ReadLikePost.Any(r => Route?.Contains(r, StringComparison.OrdinalIgnoreCase) == true);
}
