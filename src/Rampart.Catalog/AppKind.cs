namespace Rampart.Catalog;

/// <summary>The kinds of marketplace app a requirement can apply to.</summary>
public enum AppKind
{
    /// <summary>A Connect app served from the vendor's own HTTPS host (<c>connect</c>).</summary>
    Connect,

    /// <summary>A Forge app that keeps all data on the platform (<c>forge</c>).</summary>
    Forge,

    /// <summary>A Forge app that sends data to external hosts or uses Forge Remote (<c>forge-egress</c>).</summary>
    ForgeEgress,

    /// <summary>A Trello Power-Up (<c>power-up</c>).</summary>
    PowerUp,
}
