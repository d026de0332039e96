namespace Rampart.DemoApps;

/// <summary>What one demo app is.</summary>
/// <param name="Key">Descriptor <c>key</c>.</param>
/// <param name="Name">Descriptor <c>name</c>.</param>
/// <param name="Flaws">Deliberate defects, each independent of the others.</param>
/// <param name="ExtraPages">Adds generalPages <c>/pages/extra/1</c> … <c>/pages/extra/N</c>, protected like <c>/pages/report</c> (ignored by static sites).</param>
/// <param name="AuthenticationType">Descriptor <c>authentication.type</c>: <c>jwt</c> or <c>none</c>. Only the descriptor changes.</param>
/// <param name="StaticOnly">A static site: public pages without tenant data, no lifecycle, no JWT-protected endpoints.</param>
public sealed record DemoAppOptions(
    string Key,
    string Name,
    DemoFlaws Flaws = DemoFlaws.None,
    int ExtraPages = 0,
    string AuthenticationType = "jwt",
    bool StaticOnly = false);
