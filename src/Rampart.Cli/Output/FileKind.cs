namespace Rampart.Cli.Output;

/// <summary>What a path names, as far as writing a report to it is concerned.</summary>
internal enum FileKind
{
    /// <summary>Nothing there yet.</summary>
    Absent,

    /// <summary>A regular file: replaced atomically.</summary>
    Regular,

    /// <summary>A directory: refused.</summary>
    Directory,

    /// <summary>A character or block device, FIFO or socket: written through, never replaced.</summary>
    Special,
}
