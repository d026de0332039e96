using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rampart.Cli.Infrastructure;
using Rampart.Tracking;

namespace Rampart.Cli.Store;

/// <summary>
/// Turns a failure to open the tracking database into the user's configuration (exit 2: wrong password, no such
/// database) or an unreachable server (exit 3: refused, unknown host, timed out). Classified by SqlState, socket and
/// SQLite error codes, never by message text (as <c>Rampart.Tracking.Persistence.DbErrors</c> does); anything else
/// stays what it was, an internal error.
/// </summary>
internal static class StoreFailures
{
    private const int SqliteCantOpen = 14;
    private const int SqliteReadOnly = 8;
    private const int SqlitePermission = 3;

    /// <summary>Runs <paramref name="open"/> (migrate, start) and rethrows a classified failure as a <see cref="CliException"/>.</summary>
    public static async Task<T> GuardAsync<T>(TrackingStoreOptions options, Func<Task<T>> open)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(open);
        try
        {
            return await open();
        }
        catch (Exception e)
        {
            var failure = Classify(e, options);
            if (failure is null)
            {
                throw;
            }

            throw failure;
        }
    }

    /// <summary>The CLI failure this database error means, or null when it is not one the user can fix.</summary>
    public static CliException? Classify(Exception exception, TrackingStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(options);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when Classify(pg, Describe(options)) is { } failure:
                    return failure;
                case SocketException socket when options.Provider == DatabaseProvider.PostgreSql && IsUnreachable(socket.SocketErrorCode):
                    return Unreachable(Describe(options), SocketReason(socket.SocketErrorCode), e);
                case TimeoutException when options.Provider == DatabaseProvider.PostgreSql:
                    return Unreachable(Describe(options), "timed out connecting", e);
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteCantOpen or SqliteReadOnly or SqlitePermission:
                    return new CliException(ExitCodes.BadInput, "database configuration",
                        $"cannot open the SQLite database {SqliteFile(options)} for writing (SQLite error {sqlite.SqliteErrorCode}); check --data-dir and its permissions", e);
            }
        }

        return null;
    }

    private static CliException? Classify(PostgresException pg, Target target)
    {
        var server = $"on {target.Host}:{target.Port}";
        return pg.SqlState switch
        {
            PostgresErrorCodes.InvalidPassword => Configuration(
                $"authentication failed for user \"{target.User}\" {server}: wrong password (check Password= in --connection)", pg),
            PostgresErrorCodes.InvalidAuthorizationSpecification => Configuration(
                $"authentication failed for user \"{target.User}\" {server}: the server refuses this user ({pg.MessageText})", pg),
            PostgresErrorCodes.InvalidCatalogName => Configuration(
                $"database \"{target.Database}\" does not exist {server} (create it, or fix Database= in --connection)", pg),
            // Also what a missing database looks like to a user without CREATEDB: the migrator tries to create it.
            PostgresErrorCodes.InsufficientPrivilege => Configuration(
                $"user \"{target.User}\" lacks a privilege for database \"{target.Database}\" {server}: {pg.MessageText} " +
                "(create the database for this user, or grant the privilege)", pg),
            PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.AdminShutdown =>
                Unreachable(target, $"the server does not accept connections now ({pg.MessageText})", pg),
            _ when pg.SqlState.StartsWith("08", StringComparison.Ordinal) =>
                Unreachable(target, $"connection failure ({pg.MessageText})", pg),
            _ => null,
        };
    }

    private static bool IsUnreachable(SocketError error) => error is SocketError.ConnectionRefused or SocketError.HostNotFound
        or SocketError.NoData or SocketError.TryAgain or SocketError.TimedOut or SocketError.HostUnreachable
        or SocketError.NetworkUnreachable or SocketError.NetworkDown or SocketError.AddressNotAvailable;

    private static string SocketReason(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "unknown host",
        SocketError.TimedOut => "timed out",
        _ => $"network error {error}",
    };

    private static CliException Configuration(string message, Exception inner) =>
        new(ExitCodes.BadInput, "database configuration", message, inner);

    private static CliException Unreachable(Target target, string why, Exception inner) =>
        new(ExitCodes.TargetUnreachable, "database unreachable", $"cannot reach PostgreSQL at {target.Host}:{target.Port}: {why}", inner);

    private static string SqliteFile(TrackingStoreOptions options)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = options.ConnectionString };
        return builder.TryGetValue("Data Source", out var file) ? $"'{file}'" : "(no Data Source)";
    }

    /// <summary>The parts of the connection string a message may show: never the password.</summary>
    private static Target Describe(TrackingStoreOptions options)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return new Target(builder.Host ?? "localhost", builder.Port, builder.Username ?? Environment.UserName, builder.Database ?? builder.Username ?? "postgres");
        }
        catch (ArgumentException)
        {
            return new Target("?", 0, "?", "?");
        }
    }

    private sealed record Target(string Host, int Port, string User, string Database);
}
