namespace Rampart.Scanning.Checks.Content;

/// <summary>One piece of content the app serves: an HTML page, a script, or one source inside a source map.</summary>
/// <param name="Location">The URL, or for a map source <c>MAP-URL map-source PATH</c>: where a finding points.</param>
/// <param name="Kind">What it is, which decides the patterns that apply (HTML form patterns need HTML).</param>
public sealed record ServedAsset(string Location, ServedAssetKind Kind, string Text);
