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

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
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
                var database = await PostgresDatabases.CreateAsync();
                return new TestDatabase(new TrackingStoreOptions(DatabaseProvider.PostgreSql, database.ConnectionString), database.DisposeAsync);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "sqlite or postgres");
        }
    }

    public ValueTask DisposeAsync() => cleanup();
}
