using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Rampart.Tracking.Persistence;

/// <summary>Classifies provider errors by code, never by message text.</summary>
internal static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool IsUniqueViolation(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState == PostgresErrorCodes.UniqueViolation:
                    return true;
                case SqliteException sq when sq.SqliteErrorCode == SqliteConstraint
                    && sq.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey:
                    return true;
            }
        }

        return false;
    }

    /// <summary>A clash worth retrying the whole unit of work for: a duplicate key from a concurrent writer, a lost
    /// optimistic-concurrency race, a PostgreSQL serialization failure or deadlock.</summary>
    public static bool IsRetryable(Exception exception) => RetryReason(exception) is not null;

    /// <summary>Which retryable clash this is (<c>unique-violation</c>, <c>concurrency</c>, <c>serialization-failure</c>,
    /// <c>deadlock</c>), or null when it is not one: the retry log names it.</summary>
    public static string? RetryReason(Exception exception)
    {
        if (exception is DbUpdateConcurrencyException)
        {
            return "concurrency";
        }

        if (IsUniqueViolation(exception))
        {
            return "unique-violation";
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: PostgresErrorCodes.SerializationFailure }:
                    return "serialization-failure";
                case PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected }:
                    return "deadlock";
            }
        }

        return null;
    }
}
