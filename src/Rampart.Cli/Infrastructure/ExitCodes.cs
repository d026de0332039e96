namespace Rampart.Cli.Infrastructure;

/// <summary>The documented exit codes (README "Exit codes"); CI gates on them, so they never change meaning.</summary>
public static class ExitCodes
{
    /// <summary>No requirement failed.</summary>
    public const int Passed = 0;

    /// <summary>At least one requirement failed.</summary>
    public const int RequirementFailed = 1;

    /// <summary>Bad input: arguments, descriptor, catalog, files.</summary>
    public const int BadInput = 2;

    /// <summary>The target could not be reached (DNS, connection, TLS, descriptor not served).</summary>
    public const int TargetUnreachable = 3;

    /// <summary>A bug in Rampart: the message is printed, never a stack trace (set RAMPART_DEBUG=1 for one).</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted (Ctrl-C).</summary>
    public const int Cancelled = 130;
}
