namespace Rampart.Forge.Input;

/// <summary>Bounds on what a scan reads, so that a hostile app or archive cannot exhaust memory or disk.</summary>
public sealed record InputLimits
{
    public long MaxFileBytes { get; init; } = 8L * 1024 * 1024;
    public long MaxTotalBytes { get; init; } = 128L * 1024 * 1024;
    public int MaxFiles { get; init; } = 20_000;
    public long MaxArchiveBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Uncompressed size over compressed size above which an archive entry counts as a zip bomb.</summary>
    public double MaxCompressionRatio { get; init; } = 100;

    public static InputLimits Default { get; } = new();
}
