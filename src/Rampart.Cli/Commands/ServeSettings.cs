using System.ComponentModel;
using Rampart.Server;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

internal sealed class ServeSettings : StoreSettings
{
    [CommandOption("--urls <URLS>")]
    [Description("Address(es) to listen on, ';'-separated. Default: http://127.0.0.1:8080 (port 0 picks a free one).")]
    public string Urls { get; init; } = ServerOptions.DefaultUrls;

    [CommandOption("--enforcement-interval <DURATION>")]
    [Description("How often the policy engine runs (escalate, delist, relist), e.g. 15m, 1h. Default: 15m.")]
    public string? EnforcementInterval { get; init; }

    public override ValidationResult Validate()
    {
        var store = base.Validate();
        if (!store.Successful)
        {
            return store;
        }

        return EnforcementInterval is null || Durations.TryParse(EnforcementInterval, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--enforcement-interval '{EnforcementInterval}' is not a duration like 30m, 12h or 1d.");
    }
}
