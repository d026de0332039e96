namespace Rampart.Cli.Infrastructure;

/// <summary>
/// A failure the CLI itself diagnosed, carrying the exit code and the label of its error line (as Spectre.Console.Cli's
/// exception hierarchy does): <see cref="ErrorReporter"/> prints it as is and never has to guess.
/// </summary>
internal class CliException : Exception
{
    public CliException(int exitCode, string label, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
        Label = label;
    }

    public CliException()
        : this(ExitCodes.InternalError, "internal error", "unknown error")
    {
    }

    public CliException(string message)
        : this(ExitCodes.InternalError, "internal error", message)
    {
    }

    public CliException(string message, Exception innerException)
        : this(ExitCodes.InternalError, "internal error", message, innerException)
    {
    }

    /// <summary>One of <see cref="ExitCodes"/>.</summary>
    public int ExitCode { get; }

    /// <summary>The short word(s) after <c>rampart:</c> on the error line, e.g. <c>usage</c>.</summary>
    public string Label { get; }
}
