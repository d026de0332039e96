using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

internal sealed class TokensRevokeSettings : StoreSettings
{
    // Bound as text so a malformed id gets an error naming the argument, not the library's "Failed to convert".
    [CommandArgument(0, "<ID>")]
    [Description("The token id (from 'tokens create' or 'tokens list').")]
    public string IdText { get; init; } = "";

    public Guid Id => Guid.TryParse(IdText, out var id) ? id : Guid.Empty;

    public override ValidationResult Validate()
    {
        var store = base.Validate();
        if (!store.Successful)
        {
            return store;
        }

        return Guid.TryParse(IdText, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"ID: '{IdText}' is not a token id (a GUID as 'tokens list' shows it)");
    }
}
