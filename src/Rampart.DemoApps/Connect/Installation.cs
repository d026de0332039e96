namespace Rampart.DemoApps.Connect;

/// <summary>One tenant that installed the app: what the <c>installed</c> callback delivered.</summary>
internal sealed record Installation(string ClientKey, string SharedSecret, string BaseUrl);
