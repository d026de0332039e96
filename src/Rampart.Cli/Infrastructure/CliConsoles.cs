using Spectre.Console;

namespace Rampart.Cli.Infrastructure;

/// <summary>
/// Where output goes: tables to <see cref="Out"/>, progress and errors to <see cref="Error"/>, plain text to
/// <see cref="RawOut"/> and machine-readable reports to <see cref="StandardOutput"/>. Injected so tests capture all of it.
/// </summary>
/// <param name="OutIsTerminal">Standard output is a terminal, not a pipe or file: tables may be drawn to its width.</param>
internal sealed record CliConsoles(IAnsiConsole Out, IAnsiConsole Error, TextWriter RawOut, Stream StandardOutput, bool OutIsTerminal = false);
