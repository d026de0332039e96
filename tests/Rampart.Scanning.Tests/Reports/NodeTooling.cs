using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Rampart.Scanning.Tests.Reports;

/// <summary>Finds node and npm, installs a small npm project once per content, and runs node scripts.</summary>
internal static class NodeTooling
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string? Node { get; } = FindOnPath(OperatingSystem.IsWindows() ? "node.exe" : "node");

    public static string? Npm { get; } = FindOnPath(OperatingSystem.IsWindows() ? "npm.cmd" : "npm");

    public static bool IsAvailable => Node is not null && Npm is not null;

    /// <summary>
    /// Copies the npm project in <paramref name="sourceDirectory"/> to a temporary folder named after a hash of its files
    /// and runs <c>npm ci</c> there once; later runs reuse it. Install scripts are not run.
    /// </summary>
    public static async Task<string> InstallAsync(string sourceDirectory, CancellationToken cancellationToken)
    {
        var npm = Npm ?? throw new InvalidOperationException("npm is not on PATH: this test needs Node.js with npm.");
        var files = Directory.GetFiles(sourceDirectory).Order(StringComparer.Ordinal).ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', files.Select(f => Path.GetFileName(f) + "\n" + File.ReadAllText(f))))))[..16];
        var target = Path.Combine(Path.GetTempPath(), $"rampart-node-{Path.GetFileName(sourceDirectory)}-{hash}");

        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (Directory.Exists(Path.Combine(target, "node_modules")))
            {
                return target;
            }

            // Installed beside the target and moved into place, so an interrupted install is never mistaken for a finished one.
            var staging = $"{target}.{Guid.NewGuid():N}";
            Directory.CreateDirectory(staging);
            foreach (var file in files)
            {
                File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
            }

            var (exitCode, output) = await RunAsync(npm, ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], staging, TimeSpan.FromMinutes(5), cancellationToken);
            if (exitCode != 0)
            {
                Directory.Delete(staging, recursive: true);
                throw new InvalidOperationException($"npm ci failed with exit code {exitCode}:\n{output}");
            }

            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(staging, target);
            return target;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Runs a node script and returns its standard output; throws with standard error when it fails.</summary>
    public static async Task<string> RunScriptAsync(string directory, string script, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var node = Node ?? throw new InvalidOperationException("node is not on PATH.");
        var (exitCode, output) = await RunAsync(node, [script, .. arguments], directory, TimeSpan.FromMinutes(1), cancellationToken, stdoutOnly: true);
        return exitCode == 0 ? output : throw new InvalidOperationException($"node {script} failed with exit code {exitCode}:\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IReadOnlyList<string> arguments, string directory,
        TimeSpan timeout, CancellationToken cancellationToken, bool stdoutOnly = false)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        var output = await stdout;
        var errors = await stderr;
        return (process.ExitCode, stdoutOnly && process.ExitCode == 0 ? output : output + errors);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
