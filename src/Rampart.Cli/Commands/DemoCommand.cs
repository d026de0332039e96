using Rampart.Cli.Demo;
using Rampart.Cli.Output;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart demo</c>: scan the built-in flawed apps.</summary>
internal sealed class DemoCommand(DemoRunner demo) : AsyncCommand<DemoSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken) =>
        demo.RunAsync(settings.Apps, OutputPlan.Create(settings.Formats, settings.Outputs), settings.Catalog, settings.Quiet, settings.KeepRunning, cancellationToken);
}
