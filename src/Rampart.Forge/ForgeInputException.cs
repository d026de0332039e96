namespace Rampart.Forge;

/// <summary>
/// The Forge app given to scan cannot be read: a broken manifest, a syntax error, an oversized or hostile archive.
/// The CLI reports it by its type as bad input (exit code 2); it derives from <see cref="IOException"/> because it is a
/// failure to read the input.
/// </summary>
public sealed class ForgeInputException(string message) : IOException(message);
