using System.ComponentModel;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

internal sealed class CatalogSettings : CommandSettings
{
    [CommandOption("--id <ID>")]
    [Description("Catalog to print (2020, 2022, 2026). Default: the one in effect today.")]
    public string? Id { get; init; }
}
