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
    public static bool IsRetryable(Exception exception)
    {
        if (exception is DbUpdateConcurrencyException || IsUniqueViolation(exception))
        {
            return true;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException pg && pg.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected)
            {
                return true;
            }
        }

        return false;
    }
}
