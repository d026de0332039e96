using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>Schema management for the tracker's database.</summary>
public static class TrackingDatabase
{
    /// <summary>How long one migration statement may run.</summary>
    public static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromHours(1);

    /// <summary>Creates the database if needed (the SQLite file's directory too) and applies the provider's migrations.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<TrackingStoreOptions>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var dataSource = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:")
            {
                Directory.CreateDirectory(directory);
            }
        }

        var factory = services.GetRequiredService<IDbContextFactory<TrackingDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (db.IsSqlite)
        {
            // WAL lets readers (the API) run beside the one writer (ingest); the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        // A migration that moves data (an UPDATE over every ticket) can run for minutes on a large store; the default
        // 30 s command timeout would abort it half-way on exactly the installations that need it most.
        db.Database.SetCommandTimeout(MigrationCommandTimeout);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(typeof(TrackingDatabase).FullName!) ?? NullLogger.Instance;
        if (pending.Count > 0)
        {
            TrackingLog.MigrationsApplied(logger, pending.Count, options.Provider.ToString(), string.Join(", ", pending));
        }
        else
        {
            TrackingLog.SchemaUpToDate(logger, options.Provider.ToString());
        }
    }
}
