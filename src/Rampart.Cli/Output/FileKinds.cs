using System.Runtime.InteropServices;

namespace Rampart.Cli.Output;

/// <summary>
/// Tells a regular file from a device or FIFO. .NET reports both as a plain file (<see cref="FileAttributes.Normal"/>),
/// so on Linux this asks the kernel with statx(2), whose buffer layout is the same on every architecture. Elsewhere,
/// or if statx is missing, paths under /dev and /proc count as special and other files as regular.
/// </summary>
internal static class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;
    private const int NoEntry = 2;

    /// <summary>The kind of what <paramref name="fullPath"/> leads to (symbolic links followed); a dangling link is absent.</summary>
    public static FileKind Of(string fullPath)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                if (Statx(AtFdCwd, fullPath, 0, StatxType, out var status) == 0)
                {
                    return (status.Mode & TypeMask) switch
                    {
                        RegularType => FileKind.Regular,
                        DirectoryType => FileKind.Directory,
                        _ => FileKind.Special,
                    };
                }

                if (Marshal.GetLastPInvokeError() == NoEntry)
                {
                    return FileKind.Absent;
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // A C library without statx (old glibc, some musl builds): fall through to the portable guess.
            }
        }

        return Directory.Exists(fullPath) ? FileKind.Directory
            : !File.Exists(fullPath) ? FileKind.Absent
            : IsUnderDevOrProc(fullPath) ? FileKind.Special
            : FileKind.Regular;
    }

    /// <summary>/dev and /proc hold devices and views of open descriptors (/dev/stdout): never replaced by a rename.</summary>
    public static bool IsUnderDevOrProc(string fullPath) =>
        !OperatingSystem.IsWindows() && (fullPath.StartsWith("/dev/", StringComparison.Ordinal) || fullPath.StartsWith("/proc/", StringComparison.Ordinal));

    private static int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer) =>
        StatxNative(directory, System.Text.Encoding.UTF8.GetBytes(path + '\0'), flags, mask, out buffer);

    // DllImport with only blittable arguments (the path as NUL-terminated UTF-8 bytes): LibraryImport would need the
    // project to allow unsafe code for its generated stub.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int StatxNative(int directory, byte[] path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary>struct statx (linux/stat.h): 256 bytes, <c>stx_mode</c> at offset 28 on every architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;
    }
}
