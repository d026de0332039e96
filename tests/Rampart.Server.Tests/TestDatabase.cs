using Rampart.TestSupport;
using Rampart.Tracking;

namespace Rampart.Server.Tests;

/// <summary>One empty database per test: a SQLite file in a temporary directory, or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly Func<ValueTask> cleanup;

    private TestDatabase(TrackingStoreOptions options, Func<ValueTask> cleanup)
    {
        Options = options;
        this.cleanup = cleanup;
    }

    public TrackingStoreOptions Options { get; }

    public static async Task<TestDatabase> CreateAsync(string provider, PostgresFixture postgres)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        switch (provider)
        {
            case Sqlite:
                var dir = Directory.CreateTempSubdirectory("rampart-server-test-").FullName;
                return new TestDatabase(TrackingStoreOptions.ForDataDirectory(dir), () =>
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    Directory.Delete(dir, recursive: true);
                    return ValueTask.CompletedTask;
                });
            case Postgres:
                var connection = await postgres.NewDatabaseAsync();
                // The database lives until the fixture's cluster is deleted; only its pooled connections are let go here.
                return new TestDatabase(new TrackingStoreOptions(DatabaseProvider.PostgreSql, connection), () =>
                {
                    Npgsql.NpgsqlConnection.ClearAllPools();
                    return ValueTask.CompletedTask;
                });
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "sqlite or postgres");
        }
    }

    public ValueTask DisposeAsync() => cleanup();
}
