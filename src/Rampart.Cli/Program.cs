using Rampart.Cli;
using Rampart.Cli.Infrastructure;
using Spectre.Console;

var consoles = new CliConsoles(Wide(AnsiConsole.Console, Console.IsOutputRedirected),
    Wide(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }), Console.IsErrorRedirected),
    Console.Out,
    Console.OpenStandardOutput(),
    OutIsTerminal: !Console.IsOutputRedirected);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl-C cancels the scan cleanly (servers stopped, no half-written report); a second one kills.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};
return await RampartApp.Create(consoles, TimeProvider.System).RunAsync(args, cancel.Token);

// Redirected output (CI logs, files) has no width; Spectre would assume 80 columns and wrap every long URL.
static IAnsiConsole Wide(IAnsiConsole console, bool redirected)
{
    if (redirected)
    {
        console.Profile.Width = 160;
    }

    return console;
}
