using System.ComponentModel;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

internal sealed class DemoSettings : ReportSettings
{
    [CommandOption("--app <NAME>")]
    [Description("Scan only this demo app (repeatable); the names are listed when an unknown one is given.")]
    public string[] Apps { get; init; } = [];

    [CommandOption("--keep-running")]
    [Description("Keep the demo apps running after the scan (until Ctrl-C) so you can scan them yourself.")]
    public bool KeepRunning { get; init; }
}
