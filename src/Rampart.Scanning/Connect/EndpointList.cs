namespace Rampart.Scanning.Connect;

/// <summary>Endpoints in document order, one per (request URL, role).</summary>
internal sealed class EndpointList
{
    private readonly List<ConnectEndpoint> endpoints = [];
    private readonly Dictionary<(string Url, EndpointRole Role), int> positions = [];

    /// <summary>
    /// Adds <paramref name="endpoint"/> unless an earlier one has the same URL and role. The earlier one keeps its
    /// place, path and module, but its flags become the weaker of the two: a URL that one module guards as admin
    /// and another serves to everyone is not admin-only, and one that is cacheable in one place but not in another
    /// still has to be authenticated.
    /// </summary>
    public void Add(ConnectEndpoint endpoint)
    {
        // What goes on the wire: a fragment never reaches the server, so "/p#a" and "/p#b" are one endpoint.
        var key = (endpoint.Url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped), endpoint.Role);
        if (positions.TryGetValue(key, out var at))
        {
            var first = endpoints[at];
            endpoints[at] = first with
            {
                IsAdmin = first.IsAdmin && endpoint.IsAdmin,
                Cacheable = first.Cacheable && endpoint.Cacheable,
            };
            return;
        }

        positions.Add(key, endpoints.Count);
        endpoints.Add(endpoint);
    }

    public IReadOnlyList<ConnectEndpoint> ToArray() => endpoints.ToArray();
}
