using Rampart.Cli.Infrastructure;

namespace Rampart.Cli.Output;

/// <summary>
/// Writes a report to the path of an <c>--output</c>. A regular file (or none yet) is replaced atomically: the report
/// is written to a new temporary file beside it and renamed over it, so a failed write leaves the old file and no
/// half report. A device, FIFO or anything under /dev and /proc (<c>-o /dev/null</c>, <c>-o /dev/stdout</c>) is written
/// through and never replaced (a rename would put a regular file where the device was). A symbolic link is followed
/// and its final target written by those rules, so the link stays. A directory is refused.
/// </summary>
internal static class ReportFile
{
    private const int MaxLinks = 40;

    /// <summary>Refuses, before any scanning, a path no report can be written to.</summary>
    public static void CheckWritable(string path)
    {
        var (target, _) = Resolve(path);
        if (FileKinds.Of(target) == FileKind.Directory)
        {
            throw new UsageException($"--output: '{path}' is a directory, not a file the report can be written to");
        }
    }

    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var (target, throughSpecial) = Resolve(path);
        if (throughSpecial)
        {
            // /dev/stdout -> /proc/self/fd/1 -> a pipe, or the file the shell redirected stdout to: replacing that file
            // would cut it from the shell's descriptor, so the report goes through the path as given, like a device's.
            await WriteThroughAsync(Path.GetFullPath(path), write, cancellationToken);
            return;
        }

        switch (FileKinds.Of(target))
        {
            case FileKind.Directory:
                CheckWritable(path);
                return;
            case FileKind.Special:
                await WriteThroughAsync(target, write, cancellationToken);
                return;
            default:
                await ReplaceAsync(target, write, cancellationToken);
                return;
        }
    }

    /// <summary>The final target of <paramref name="path"/> after every symbolic link, and whether a link led through /dev or /proc.</summary>
    private static (string Target, bool ThroughSpecial) Resolve(string path)
    {
        var current = Path.GetFullPath(path);
        var throughSpecial = FileKinds.IsUnderDevOrProc(current);
        for (var hops = 0; new FileInfo(current).LinkTarget is { } link; hops++)
        {
            if (hops == MaxLinks)
            {
                throw new IOException($"more than {MaxLinks} symbolic links from '{path}'");
            }

            current = Path.GetFullPath(link, Path.GetDirectoryName(current) ?? "/");
            throughSpecial |= FileKinds.IsUnderDevOrProc(current);
        }

        return (current, throughSpecial);
    }

    private static async Task WriteThroughAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        // Open, not create: a FIFO blocks here until its reader opens it, which is what writing to a FIFO means.
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        await write(stream, cancellationToken);
    }

    private static async Task ReplaceAsync(string target, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(target) ?? "/";
        Directory.CreateDirectory(directory);

        // A fresh name created exclusively (O_EXCL): a file or link another user planted at a predictable name cannot
        // redirect the write. The temporary file goes whatever the failure (disk full, a directory in the way, Ctrl-C).
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await write(file, cancellationToken);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                // The replacement keeps the permissions the user gave the report file.
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write already failed; that failure is the one to report.
        }
    }
}
