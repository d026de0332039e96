using System.Security.Cryptography;
using System.Text.Json;
using Rampart.Catalog;
using Rampart.Scanning.Connect;
using Rampart.Scanning.Engine;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Rampart.Cli.Infrastructure;

/// <summary>The one place where exceptions become messages and exit codes. Users see what was wrong, never a stack trace.</summary>
public static class ErrorReporter
{
    public static int Handle(Exception exception, IAnsiConsole error)
    {
        var (code, label) = exception switch
        {
            OperationCanceledException => (ExitCodes.Cancelled, "cancelled"),
            TargetUnreachableException => (ExitCodes.TargetUnreachable, "target unreachable"),
            DescriptorException => (ExitCodes.BadInput, "bad descriptor"),
            TargetRefusedException => (ExitCodes.BadInput, "refused"),
            CatalogException => (ExitCodes.BadInput, "catalog"),
            CommandParseException or CommandRuntimeException or UsageException => (ExitCodes.BadInput, "usage"),
            FileNotFoundException or DirectoryNotFoundException or InvalidDataException or UnauthorizedAccessException
                or JsonException or CryptographicException or IOException => (ExitCodes.BadInput, "bad input"),
            _ => (ExitCodes.InternalError, "internal error"),
        };
        error.Write(new Text($"rampart: {label}: {exception.Message}{Environment.NewLine}", new Style(Color.Red)));
        if (code == ExitCodes.InternalError && Environment.GetEnvironmentVariable("RAMPART_DEBUG") == "1")
        {
            error.WriteException(exception);
        }

        return code;
    }
}
