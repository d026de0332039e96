using Rampart.Forge.Input;

namespace Rampart.Forge;

/// <summary>Options of one Forge scan.</summary>
public sealed record ForgeScanOptions
{
    /// <summary>The catalog to judge against; null for the one in effect on the scan day.</summary>
    public string? CatalogId { get; init; }

    public InputLimits Limits { get; init; } = InputLimits.Default;

    /// <summary>Parse files on this many threads (parsing dominates the scan time).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
