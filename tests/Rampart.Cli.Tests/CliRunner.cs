using System.Text;
using Rampart.Cli.Infrastructure;
using Spectre.Console;

namespace Rampart.Cli.Tests;

public sealed record CliResult(int ExitCode, string Out, string Error, string StandardOutput);

/// <summary>Runs the real command-line application in-process with captured output (Spectre's CommandAppTester idea).</summary>
public static class CliRunner
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    /// <param name="interrupt">Cancelled as Program.cs cancels on Ctrl-C.</param>
    public static async Task<CliResult> RunAsync(CancellationToken interrupt, params string[] args)
    {
        var outText = new StringWriter();
        var errorText = new StringWriter();
        var raw = new StringWriter();
        using var stdout = new MemoryStream();
        var consoles = new CliConsoles(Console(outText), Console(errorText), raw, stdout);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        var code = await RampartApp.Create(consoles, TimeProvider.System).RunAsync(args, timeout.Token);
        return new CliResult(code, outText + raw.ToString(), errorText.ToString(), Encoding.UTF8.GetString(stdout.ToArray()));
    }

    /// <summary>The console tests read: no colours, no ANSI, a fixed width, so the text is the same on every machine.</summary>
    internal static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        return console;
    }
}
