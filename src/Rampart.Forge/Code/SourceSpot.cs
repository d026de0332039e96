namespace Rampart.Forge.Code;

/// <summary>A position in the original file: offset (for excerpts), 1-based line and column.</summary>
public readonly record struct SourceSpot(int Start, int Line, int Column);
