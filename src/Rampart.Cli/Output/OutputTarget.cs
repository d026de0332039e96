namespace Rampart.Cli.Output;

/// <summary>One report to produce: a format and a file, or standard output when <see cref="Path"/> is null.</summary>
internal sealed record OutputTarget(string Format, string? Path)
{
    public bool IsConsole => Format == OutputPlan.ConsoleFormat;
}
