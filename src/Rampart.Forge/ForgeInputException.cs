namespace Rampart.Forge;

/// <summary>
/// The Forge app given to scan cannot be read: a broken manifest, a syntax error, an oversized or hostile archive.
/// Derives from <see cref="IOException"/> so the CLI reports it as bad input (exit code 2).
/// </summary>
public sealed class ForgeInputException(string message) : IOException(message);
