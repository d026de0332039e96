namespace Rampart.Catalog;

/// <summary>What a check inspects, which decides the app kinds whose scan can run it at all.</summary>
public enum CheckTarget
{
    /// <summary>A host the app serves from, probed over the network (<c>live-host</c>): TLS, headers, JWT, DNS, content.</summary>
    LiveHost,

    /// <summary>The app's Connect descriptor as fetched, without probing (<c>descriptor</c>).</summary>
    Descriptor,

    /// <summary>A Forge app's manifest and source code, analysed statically (<c>forge-app</c>).</summary>
    ForgeApp,
}
