namespace Rampart.Cli.Infrastructure;

/// <summary>The command line is wrong in a way only the command can tell (exit code 2).</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message) : base(message)
    {
    }

    public UsageException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
