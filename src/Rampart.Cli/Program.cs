using Rampart.Cli;
using Rampart.Cli.Infrastructure;
using Spectre.Console;

var consoles = new CliConsoles(
    AnsiConsole.Console,
    AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }),
    Console.Out);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl-C cancels the scan cleanly (servers stopped, no half-written report); a second one kills.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};
return await RampartApp.Create(consoles, TimeProvider.System).RunAsync(args, cancel.Token);
