namespace Rampart.Cli.Infrastructure;

/// <summary>
/// A report file could not be written (disk full, permission denied, a directory in the way): the environment's fault,
/// not the command line's, so it has its own exit code (74, EX_IOERR) and names the file.
/// </summary>
internal sealed class OutputWriteException : CliException
{
    public OutputWriteException()
        : this("a report could not be written")
    {
    }

    public OutputWriteException(string message)
        : base(ExitCodes.OutputFailed, "cannot write report", message)
    {
    }

    public OutputWriteException(string message, Exception innerException)
        : base(ExitCodes.OutputFailed, "cannot write report", message, innerException)
    {
    }
}
