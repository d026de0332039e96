using System.Diagnostics;
using System.Text;

namespace Rampart.Server.Tests;

/// <summary>
/// A real <c>rampart serve</c> child process (the built CLI next to the tests), so it can be killed with SIGKILL.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServeProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>
    /// The CLI as its own build laid it out (src/Rampart.Cli/bin/CONFIG/TFM): the copy next to the tests shares the
    /// test project's dependency resolution, which may drop package assemblies the CLI needs at run time.
    /// </summary>
    public static string CliDll { get; } = FindCli();

    private static string FindCli()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfm.Parent!.Name;
        var root = tfm;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Rampart.slnx")))
        {
            root = root.Parent;
        }

        var dll = root is null ? null : Path.Combine(root.FullName, "src", "Rampart.Cli", "bin", configuration, tfm.Name, "rampart.dll");
        return dll is not null && File.Exists(dll) ? dll : throw new FileNotFoundException($"the built CLI was not found at {dll}; build src/Rampart.Cli first");
    }

    /// <summary>Runs the CLI to completion (for <c>tokens create</c> and friends) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunCliAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public static async Task<ServeProcess> StartAsync(params string[] args)
    {
        var process = Process.Start(StartInfo(["serve", "--urls", "http://127.0.0.1:0", .. args]))!;
        var log = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException($"rampart serve exited before listening: {log}"));
                return;
            }

            lock (log)
            {
                log.AppendLine(e.Data);
            }

            const string marker = "rampart serve: listening on ";
            if (e.Data.StartsWith(marker, StringComparison.Ordinal))
            {
                listening.TrySetResult(new Uri(e.Data[marker.Length..]));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
            var serve = new ServeProcess(process, address);
            serve.output.Append(log);
            return serve;
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown handlers, no flush — what a power cut or the OOM killer does.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CliDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }
}
