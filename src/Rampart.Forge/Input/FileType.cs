using System.Runtime.InteropServices;

namespace Rampart.Forge.Input;

/// <summary>
/// Whether a path names a regular file, asked before the file is opened: opening a FIFO blocks until someone writes to
/// it (a <c>handler.js</c> FIFO hung the scan), and a device such as <c>/dev/zero</c> never ends. .NET exposes no file
/// type on Unix (<see cref="FileSystemInfo.Attributes"/> says <c>Normal</c> for both, <see cref="File.GetUnixFileMode(string)"/>
/// masks the type bits off), so this asks the runtime's own native shim, which every .NET install ships.
/// </summary>
internal static class FileType
{
    // The shim's FileStatus starts with two int32 fields, Flags and Mode; Mode uses the shim's own S_IF* values
    // (the same on every Unix), so no libc struct layout is involved. The buffer is larger than the whole struct.
    private const int ModeOffset = 4;
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;

    /// <summary>True for a regular file, after following symbolic links; false for a FIFO, device, socket or directory.</summary>
    public static bool IsRegularFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return (File.GetAttributes(path) & (FileAttributes.Device | FileAttributes.Directory)) == 0;
        }

        var status = new byte[256];
        if (Stat(path, status) != 0)
        {
            throw new IOException($"cannot read its file type ({Marshal.GetLastPInvokeErrorMessage()})");
        }

        return (BitConverter.ToInt32(status, ModeOffset) & TypeMask) == RegularType;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}
