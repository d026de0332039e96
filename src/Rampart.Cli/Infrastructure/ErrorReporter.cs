using Rampart.Catalog;
using Rampart.Forge;
using Rampart.Scanning.Connect;
using Rampart.Scanning.Engine;
using Rampart.Tracking;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Rampart.Cli.Infrastructure;

/// <summary>
/// The one place where exceptions become messages and exit codes. Users see what was wrong, never a stack trace.
/// Only exceptions that say what they mean are mapped: the CLI's own (<see cref="CliException"/> carries its code),
/// the tracker's (by <see cref="TrackingException.Kind"/>), the scanner's, Forge's and the catalog's by type, and
/// Spectre's parse errors. Nothing is guessed from a BCL type: a stray <see cref="IOException"/> or
/// <c>JsonException</c> is a bug until the code that threw it says otherwise, so it is an internal error (70).
/// </summary>
internal static class ErrorReporter
{
    /// <param name="debug">Add the stack trace of an unexpected (internal) error: <c>RAMPART_DEBUG=1</c>.</param>
    public static int Handle(Exception exception, IAnsiConsole error, bool debug)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        var (code, label) = Classify(exception);
        error.Write(new Text($"rampart: {label}: {exception.Message}{Environment.NewLine}", new Style(Color.Red)));
        if (code == ExitCodes.InternalError && debug)
        {
            error.WriteException(exception);
        }

        return code;
    }

    /// <summary>The exit code and the label of the error line for an exception.</summary>
    public static (int Code, string Label) Classify(Exception exception) => exception switch
    {
        CliException cli => (cli.ExitCode, cli.Label),
        OperationCanceledException => (ExitCodes.Cancelled, "cancelled"),
        TrackingException tracking => Tracking(tracking.Kind),
        TargetUnreachableException => (ExitCodes.TargetUnreachable, "target unreachable"),
        DescriptorException => (ExitCodes.BadInput, "bad descriptor"),
        TargetRefusedException => (ExitCodes.BadInput, "refused"),
        ScanOptionException => (ExitCodes.BadInput, "bad option"),
        ForgeInputException => (ExitCodes.BadInput, "bad Forge app"),
        CatalogException => (ExitCodes.BadInput, "catalog"),
        CommandParseException or CommandRuntimeException => (ExitCodes.BadInput, "usage"),
        _ => (ExitCodes.InternalError, "internal error"),
    };

    /// <summary>
    /// Every refusal of the tracker is about what the user asked for (an unknown id, a bad value, a clash with
    /// existing data): nothing was changed, and the command line is what to fix.
    /// </summary>
    private static (int Code, string Label) Tracking(TrackingErrorKind kind) => kind switch
    {
        TrackingErrorKind.NotFound => (ExitCodes.BadInput, "not found"),
        TrackingErrorKind.Invalid => (ExitCodes.BadInput, "invalid"),
        TrackingErrorKind.Conflict => (ExitCodes.BadInput, "conflict"),
        TrackingErrorKind.Forbidden => (ExitCodes.BadInput, "forbidden"),
        _ => (ExitCodes.InternalError, "internal error"),
    };
}
