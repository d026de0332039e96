namespace Rampart.Cli.Infrastructure;

/// <summary>The command line is wrong in a way only the command can tell (exit code 2).</summary>
internal sealed class UsageException : CliException
{
    public UsageException()
        : this("the command line is not valid")
    {
    }

    public UsageException(string message)
        : base(ExitCodes.BadInput, "usage", message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(ExitCodes.BadInput, "usage", message, innerException)
    {
    }
}
