namespace Rampart.Scanning.Connect;

/// <summary>The security-relevant content of an <c>atlassian-connect.json</c> descriptor.</summary>
/// <param name="DescriptorUrl">Where the descriptor was fetched from (or the file it was read from).</param>
/// <param name="AuthenticationType">Lower-cased <c>authentication.type</c>: <c>jwt</c>, <c>none</c>, or what the vendor wrote.</param>
/// <param name="SignedInstall"><c>apiMigrations.signed-install</c> is <c>true</c>.</param>
/// <param name="ContextQsh"><c>apiMigrations.context-qsh</c> is <c>true</c>.</param>
/// <param name="Scopes">Upper-cased scopes as declared.</param>
/// <param name="Endpoints">Every URL the descriptor names, classified; third-party URLs included but flagged.</param>
/// <param name="Strings">Every string value of the descriptor with its JSON path, for secret scanning.</param>
public sealed record ConnectDescriptor(
    Uri DescriptorUrl,
    string Key,
    string Name,
    Uri BaseUrl,
    string AuthenticationType,
    bool SignedInstall,
    bool ContextQsh,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<ConnectEndpoint> Endpoints,
    IReadOnlyList<DescriptorString> Strings)
{
    public bool UsesJwt => string.Equals(AuthenticationType, "jwt", StringComparison.Ordinal);
}

/// <summary>A string value of the descriptor and where it is (<c>$.modules.webItems[0].url</c>).</summary>
public sealed record DescriptorString(string JsonPath, string Value);
