using System.IO.Compression;
using System.Text;

namespace Rampart.Forge.Input;

/// <summary>
/// The files of a Forge app, read from a directory or a .zip. Only files Rampart analyses are kept (manifest,
/// JavaScript/TypeScript, .env and JSON); dependencies (<c>node_modules</c>) and VCS folders are left out.
/// </summary>
public sealed class ForgeAppSource
{
    private static readonly HashSet<string> Kept = new(StringComparer.OrdinalIgnoreCase)
    {
        ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".yml", ".yaml", ".env", ".json",
    };

    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { "node_modules", ".git", ".hg", ".svn" };

    private ForgeAppSource(string name, IReadOnlyList<AppFile> files)
    {
        Name = name;
        Files = files;
    }

    /// <summary>The directory or archive name, for messages.</summary>
    public string Name { get; }

    public IReadOnlyList<AppFile> Files { get; }

    public AppFile? Find(string path) => Files.FirstOrDefault(f => string.Equals(f.Path, path, StringComparison.Ordinal));

    public static ForgeAppSource Load(string path, InputLimits? limits = null)
    {
        try
        {
            return LoadUnchecked(path, limits ?? InputLimits.Default);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or (IOException and not ForgeInputException))
        {
            // An unreadable file or directory is the user's input, reported by name; the CLI does not guess from IOException.
            throw new ForgeInputException($"{path}: cannot be read ({e.Message})");
        }
    }

    private static ForgeAppSource LoadUnchecked(string path, InputLimits limits)
    {
        if (Directory.Exists(path))
        {
            return FromDirectory(path, limits);
        }

        if (File.Exists(path))
        {
            if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                throw new ForgeInputException($"{path}: give a Forge app directory or a .zip of one (with manifest.yml)");
            }

            return FromZip(path, limits);
        }

        throw new ForgeInputException($"{path}: no such directory or .zip file");
    }

    public static ForgeAppSource FromFiles(string name, IReadOnlyList<AppFile> files) => new(name, files);

    private static ForgeAppSource FromDirectory(string root, InputLimits limits)
    {
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var rootReal = Path.TrimEndingDirectorySeparator(new DirectoryInfo(rootFull).ResolveLinkTarget(true)?.FullName ?? rootFull);
        var files = new List<AppFile>();
        long total = 0;
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(rootFull));
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(rootFull, entry.FullName).Replace('\\', '/');
                if (entry.LinkTarget is not null)
                {
                    // A link may point anywhere on the scanning machine: follow it only while it stays inside the app.
                    var target = entry.ResolveLinkTarget(true)?.FullName ?? entry.FullName;
                    if (!IsInside(target, rootReal) && !IsInside(target, rootFull))
                    {
                        throw new ForgeInputException($"{relative}: symbolic link to '{entry.LinkTarget}' points outside the app directory; refusing to read it");
                    }

                    if (entry is DirectoryInfo)
                    {
                        continue; // inside-the-app directory links would only repeat files (or loop)
                    }
                }

                if (entry is DirectoryInfo sub)
                {
                    if (!SkippedDirectories.Contains(sub.Name))
                    {
                        pending.Push(sub);
                    }

                    continue;
                }

                if (entry is not FileInfo file || !Kept.Contains(Path.GetExtension(file.Name)))
                {
                    continue;
                }

                if (!FileType.IsRegularFile(file.FullName))
                {
                    throw new ForgeInputException($"{relative}: not a regular file (a FIFO, device or socket); refusing to read it");
                }

                var length = entry.LinkTarget is null ? file.Length : new FileInfo(entry.ResolveLinkTarget(true)!.FullName).Length;
                CheckSize(relative, length, limits, ref total);
                CheckCount(files.Count + 1, limits);
                using var stream = File.OpenRead(file.FullName);
                files.Add(new AppFile(relative, Decode(relative, ReadBounded(stream, limits.MaxFileBytes,
                    () => $"{relative}: grew past the {Mib(limits.MaxFileBytes)} per-file limit while it was read"))));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new ForgeAppSource(Path.GetFileName(rootFull), files);
    }

    private static ForgeAppSource FromZip(string path, InputLimits limits)
    {
        var info = new FileInfo(path);
        if (info.Length > limits.MaxArchiveBytes)
        {
            throw new ForgeInputException($"{path}: archive is {Mib(info.Length)}, over the {Mib(limits.MaxArchiveBytes)} limit");
        }

        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new ForgeInputException($"{path}: not a readable .zip archive ({e.Message})");
        }

        using (archive)
        {
            if (archive.Entries.Count > limits.MaxFiles * 2)
            {
                throw new ForgeInputException($"{path}: {archive.Entries.Count} archive entries, over the limit of {limits.MaxFiles * 2}");
            }

            var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            var prefix = CommonManifestPrefix(entries);
            var files = new List<AppFile>();
            long total = 0;
            foreach (var entry in entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (name.StartsWith('/') || name.Split('/').Any(part => part == "..") || (name.Length > 1 && name[1] == ':'))
                {
                    throw new ForgeInputException($"{path}: entry '{entry.FullName}' has a path outside the app directory; refusing the archive");
                }

                // Unix mode in the high 16 bits of the external attributes: 0xA000 is a symbolic link.
                if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000)
                {
                    throw new ForgeInputException($"{path}: entry '{entry.FullName}' is a symbolic link; archives with links are refused (they can point outside the app)");
                }

                if (!name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var relative = name[prefix.Length..];
                if (relative.Split('/').Any(SkippedDirectories.Contains) || !Kept.Contains(Path.GetExtension(relative)))
                {
                    continue;
                }

                var ratio = entry.CompressedLength == 0 ? (entry.Length == 0 ? 0 : double.PositiveInfinity) : (double)entry.Length / entry.CompressedLength;
                if (ratio > limits.MaxCompressionRatio && entry.Length > 1024 * 1024)
                {
                    throw new ForgeInputException($"{path}: entry '{entry.FullName}' expands {ratio:0}x ({Mib(entry.Length)}); refusing a likely zip bomb");
                }

                CheckSize(relative, entry.Length, limits, ref total);
                CheckCount(files.Count + 1, limits);
                using var stream = entry.Open();
                files.Add(new AppFile(relative, Decode(relative, ReadBounded(stream, limits.MaxFileBytes,
                    () => $"{path}: entry '{entry.FullName}' expands past the {Mib(limits.MaxFileBytes)} per-file limit; refusing a likely zip bomb"))));
            }

            files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            return new ForgeAppSource(Path.GetFileName(path), files);
        }
    }

    /// <summary>Archives made by zipping the app folder put everything under one folder: strip it when that is where manifest.yml is.</summary>
    private static string CommonManifestPrefix(IReadOnlyList<ZipArchiveEntry> entries)
    {
        if (entries.Any(e => e.FullName is "manifest.yml" or "manifest.yaml"))
        {
            return string.Empty;
        }

        var manifests = entries.Select(e => e.FullName.Replace('\\', '/'))
            .Where(n => n.Count(c => c == '/') == 1 && (n.EndsWith("/manifest.yml", StringComparison.Ordinal) || n.EndsWith("/manifest.yaml", StringComparison.Ordinal)))
            .ToList();
        return manifests.Count == 1 ? manifests[0][..(manifests[0].IndexOf('/') + 1)] : string.Empty;
    }

    private static byte[] ReadBounded(Stream stream, long maxBytes, Func<string> overLimit)
    {
        // The declared length can lie (a zip header, a file that grows after its size was checked): read at most the
        // limit plus one chunk whatever it said.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new ForgeInputException(overLimit());
            }
        }

        return buffer.ToArray();
    }

    private static void CheckSize(string relative, long length, InputLimits limits, ref long total)
    {
        if (length > limits.MaxFileBytes)
        {
            throw new ForgeInputException($"{relative}: {Mib(length)} is over the {Mib(limits.MaxFileBytes)} per-file limit");
        }

        total += length;
        if (total > limits.MaxTotalBytes)
        {
            throw new ForgeInputException($"{relative}: the app's files add up to more than {Mib(limits.MaxTotalBytes)}; refusing to read more");
        }
    }

    private static void CheckCount(int count, InputLimits limits)
    {
        if (count > limits.MaxFiles)
        {
            throw new ForgeInputException($"the app has more than {limits.MaxFiles} source files; refusing to read more");
        }
    }

    private static string Decode(string relative, byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new ForgeInputException($"{relative}: not UTF-8 text");
        }
    }

    private static bool IsInside(string path, string root)
    {
        var full = Path.GetFullPath(path);
        return string.Equals(full, root, StringComparison.Ordinal) || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static string Mib(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MiB";
}
