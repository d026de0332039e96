namespace Rampart.Forge.Manifest;

/// <summary>A 1-based place in manifest.yml.</summary>
public sealed record ManifestPosition(int Line, int Column)
{
    public string In(string file) => $"{file}:{Line}:{Column}";
}

/// <summary>The security-relevant parts of a Forge <c>manifest.yml</c> (requirements §7.1).</summary>
public sealed record ForgeManifest(
    string FileName,
    string AppId,
    string? AppName,
    string? Runtime,
    ManifestPosition? RuntimePosition,
    IReadOnlyList<ForgeModule> Modules,
    IReadOnlyList<ForgeFunction> Functions,
    IReadOnlyList<ManifestValue> Scopes,
    IReadOnlyList<ManifestValue> FetchBackend,
    IReadOnlyList<ManifestValue> FetchClient,
    IReadOnlyList<ManifestValue> ContentScripts,
    IReadOnlyList<ManifestValue> ContentStyles,
    IReadOnlyList<ForgeRemote> Remotes,
    IReadOnlyList<ManifestValue> ProviderSecretFields,
    bool HasResources)
{
    public ForgeFunction? Function(string key) => Functions.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));

    public bool HasScope(string scope) => Scopes.Any(s => string.Equals(s.Value, scope, StringComparison.Ordinal));

    /// <summary>forge-egress when data can leave Atlassian: backend egress, client egress or Forge Remote.</summary>
    public bool SendsDataOut => FetchBackend.Count > 0 || FetchClient.Count > 0 || Remotes.Count > 0;
}

/// <summary>A scalar of the manifest with where it is; <paramref name="Name"/> is its key or path (e.g. a provider field).</summary>
public sealed record ManifestValue(string Name, string Value, ManifestPosition Position);

/// <summary>A <c>function</c> module: the key other modules reference and its <c>file.export</c> handler.</summary>
public sealed record ForgeFunction(string Key, string Handler, ManifestPosition Position);

/// <summary>A remote (Forge Remote) with its base URLs.</summary>
public sealed record ForgeRemote(string Key, IReadOnlyList<ManifestValue> BaseUrls);

/// <summary>
/// Any module of any product. <paramref name="FunctionRefs"/> are the function keys it invokes directly
/// (<c>function</c>, <c>config.function</c>...); <paramref name="ResolverFunction"/> the key behind <c>resolver.function</c>.
/// </summary>
public sealed record ForgeModule(
    string Type,
    string Key,
    IReadOnlyList<string> FunctionRefs,
    string? ResolverFunction,
    string? ActionVerb,
    IReadOnlyDictionary<string, string> Flags,
    ManifestPosition Position);
