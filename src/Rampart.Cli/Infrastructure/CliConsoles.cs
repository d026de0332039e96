using Spectre.Console;

namespace Rampart.Cli.Infrastructure;

/// <summary>Where output goes: reports and tables to <see cref="Out"/>, progress and errors to <see cref="Error"/>.</summary>
public sealed record CliConsoles(IAnsiConsole Out, IAnsiConsole Error, TextWriter RawOut);
