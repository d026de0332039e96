namespace Rampart.Scanning.Engine;

/// <summary>Progress of a scan, for the console display: a stage started or ended.</summary>
/// <param name="Stage">A check id, or "descriptor".</param>
public sealed record ScanProgress(string Stage, string Title, bool Completed);
