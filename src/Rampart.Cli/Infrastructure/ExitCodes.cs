namespace Rampart.Cli.Infrastructure;

/// <summary>The documented exit codes (README "Exit codes"); CI gates on them, so they never change meaning.</summary>
internal static class ExitCodes
{
    /// <summary>No requirement failed (guidelines are advisory and never fail a scan).</summary>
    public const int Passed = 0;

    /// <summary>At least one requirement failed (wins over <see cref="Incomplete"/>).</summary>
    public const int RequirementFailed = 1;

    /// <summary>Bad input or configuration: arguments, descriptor, catalog, files, an unknown id, a wrong database password.</summary>
    public const int BadInput = 2;

    /// <summary>Something could not be reached: the scan target (DNS, connection, TLS, descriptor not served) or the database server.</summary>
    public const int TargetUnreachable = 3;

    /// <summary>
    /// None failed, but at least one requirement is <c>error</c>: it could not be verified (a probe timed out, the scan
    /// hit --max-time, a check broke), so the gate cannot say it passed. <c>--allow-incomplete</c> makes this 0.
    /// </summary>
    public const int Incomplete = 4;

    /// <summary>A bug in Rampart: the message is printed, never a stack trace (set RAMPART_DEBUG=1 for one).</summary>
    public const int InternalError = 70;

    /// <summary>A report file could not be written (disk full, no permission): EX_IOERR of sysexits.h.</summary>
    public const int OutputFailed = 74;

    /// <summary>Interrupted (Ctrl-C), and only that: a time limit of the scan is an <c>error</c> requirement (4).</summary>
    public const int Cancelled = 130;
}
