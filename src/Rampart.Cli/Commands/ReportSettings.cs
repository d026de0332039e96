using System.ComponentModel;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

/// <summary>Options every command that produces a scan report shares.</summary>
internal class ReportSettings : CommandSettings
{
    [CommandOption("-f|--format <FORMAT>")]
    [Description("Report format: console, json, sarif, junit, markdown, html. Repeatable; default console.")]
    public string[] Formats { get; init; } = [];

    [CommandOption("-o|--output <FILE>")]
    [Description("File for the next non-console --format, in order. Repeatable. Without one, that format goes to standard output.")]
    public string[] Outputs { get; init; } = [];

    [CommandOption("--catalog <ID>")]
    [Description("Requirements catalog to judge against (2020, 2022, 2026). Default: the newest in effect today.")]
    public string? Catalog { get; init; }

    [CommandOption("-q|--quiet")]
    [Description("Print nothing on stderr but errors: no progress, no summary, no 'wrote' lines.")]
    public bool Quiet { get; init; }
}
