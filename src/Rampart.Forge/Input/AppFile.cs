namespace Rampart.Forge.Input;

/// <summary>One text file of a Forge app, with its path relative to the app directory (forward slashes).</summary>
public sealed record AppFile(string Path, string Text);
