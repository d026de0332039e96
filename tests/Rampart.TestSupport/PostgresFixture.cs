using Microsoft.Extensions.DependencyInjection;
using Rampart.Tracking;
using Xunit;

namespace Rampart.TestSupport;

/// <summary>
/// One PostgreSQL cluster per test collection, with a migrated template database so each test gets a fresh, migrated
/// database by a cheap <c>CREATE DATABASE … TEMPLATE</c>. Use it as an xunit collection fixture.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string TemplateDatabase = "rampart_template";

    private PostgresServer? server;
    private int counter;

    public PostgresServer Server => server ?? throw new InvalidOperationException("the PostgreSQL fixture has not started");

    public async Task InitializeAsync()
    {
        server = await PostgresServer.StartAsync().ConfigureAwait(false);
        var connection = await server.CreateDatabaseAsync(TemplateDatabase).ConfigureAwait(false);
        var services = new ServiceCollection().AddRampartTracking(new TrackingStoreOptions(DatabaseProvider.PostgreSql, connection)).BuildServiceProvider();
        await using (services.ConfigureAwait(false))
        {
            await TrackingDatabase.MigrateAsync(services, CancellationToken.None).ConfigureAwait(false);
        }

        // A template must have no open connections when it is copied.
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A fresh, migrated database of its own.</summary>
    public Task<string> NewDatabaseAsync() =>
        Server.CreateDatabaseAsync($"t{Interlocked.Increment(ref counter)}_{Guid.NewGuid():N}"[..30], TemplateDatabase);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
