using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rampart.Tracking.Persistence;

/// <summary>
/// Per-connection SQLite settings. WAL with <c>synchronous=NORMAL</c> (SQLite's recommended pairing) survives a killed
/// process with every committed transaction intact; only an operating-system crash or power loss can drop the last
/// commits. <c>busy_timeout</c> lets a writer wait for the one other writer instead of failing.
/// <c>wal_autocheckpoint</c> at 16,384 pages (64 MiB) instead of 1,000: a checkpoint runs inside the commit that
/// crosses the threshold, and fewer, larger ones write each hot index page once instead of many times (first-pass
/// ingest 10.0k → 10.8k findings/s, bench/RESULTS.md).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=16384;";

    public static SqlitePragmas Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
