using System.ComponentModel;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

public sealed class DemoSettings : ReportSettings
{
    [CommandOption("--app <NAME>")]
    [Description("Scan only this demo app (repeatable): secure-app, leaky-app, forgeable-app, lenient-jwt-app, open-install-app, broken-authz-app, busy-app, static-site.")]
    public string[] Apps { get; init; } = [];

    [CommandOption("--keep-running")]
    [Description("Keep the demo apps running after the scan (until Ctrl-C) so you can scan them yourself.")]
    public bool KeepRunning { get; init; }
}
