using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

internal sealed class TokensListSettings : StoreSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("text (default: a table on a terminal, plain columns when piped) or json.")]
    public string Format { get; init; } = "text";

    public bool Json => Format == "json";

    public override ValidationResult Validate()
    {
        var store = base.Validate();
        if (!store.Successful)
        {
            return store;
        }

        return Format is "text" or "json"
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format: '{Format}' is not text or json");
    }
}
