using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Rampart.Tracking;

namespace Rampart.TestSupport;

/// <summary>A migrated tracking store on SQLite (temp file) or PostgreSQL (fresh database) with a fake clock and a log collector.</summary>
public sealed class TrackingTestStore : IAsyncDisposable
{
    private readonly string? tempDir;

    private TrackingTestStore(ServiceProvider services, FakeTimeProvider time, TrackingStoreOptions options, string? tempDir)
    {
        Services = services;
        Time = time;
        Options = options;
        this.tempDir = tempDir;
    }

    public static DateTimeOffset Start { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public TrackingStoreOptions Options { get; }

    /// <summary>What the tracker logged (Information and above), through a real logger provider.</summary>
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public static async Task<TrackingTestStore> CreateAsync(DatabaseProvider provider, PostgresFixture? postgres, TrackingPolicy? policy = null)
    {
        string? tempDir = null;
        TrackingStoreOptions options;
        if (provider == DatabaseProvider.Sqlite)
        {
            tempDir = Path.Combine(Path.GetTempPath(), "rampart-track-" + Guid.NewGuid().ToString("N")[..12]);
            options = TrackingStoreOptions.ForDataDirectory(tempDir);
        }
        else
        {
            ArgumentNullException.ThrowIfNull(postgres);
            options = new TrackingStoreOptions(DatabaseProvider.PostgreSql, await postgres.NewDatabaseAsync().ConfigureAwait(false));
        }

        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddFakeLogging(logs => logs.TimeProvider = time);
        if (policy is not null)
        {
            services.AddSingleton(policy);
        }

        services.AddRampartTracking(options);
        var provider2 = services.BuildServiceProvider();
        if (provider == DatabaseProvider.Sqlite)
        {
            await TrackingDatabase.MigrateAsync(provider2, CancellationToken.None).ConfigureAwait(false);
        }

        return new TrackingTestStore(provider2, time, options, tempDir);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync().ConfigureAwait(false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (tempDir is not null && Directory.Exists(tempDir))
        {
            Directory.Delete(tempDir, recursive: true);
        }
    }
}
