using System.ComponentModel;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

public sealed class TokensRevokeSettings : StoreSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The token id (from 'tokens create' or 'tokens list').")]
    public Guid Id { get; init; }
}
