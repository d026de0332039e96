namespace Rampart.Scanning.Engine;

/// <summary>Progress of a scan, for the console display: a stage started or ended.</summary>
/// <param name="Stage">A check id, or "descriptor".</param>
/// <param name="Error">For a finished check that could not verify a requirement it covers: why (a status <c>error</c>).</param>
public sealed record ScanProgress(string Stage, string Title, bool Completed, string? Error = null);
