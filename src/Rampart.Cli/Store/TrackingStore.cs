using Microsoft.Extensions.DependencyInjection;
using Rampart.Tracking;

namespace Rampart.Cli.Store;

/// <summary>The tracking services for a one-shot CLI command (tokens): migrated database, one scope.</summary>
internal sealed class TrackingStore : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly AsyncServiceScope scope;

    private TrackingStore(ServiceProvider provider)
    {
        this.provider = provider;
        scope = provider.CreateAsyncScope();
    }

    /// <summary>The person at the terminal: a local administrator (whoever can read the data directory already owns the data).</summary>
    public static Actor Operator { get; } = new($"cli:{Environment.UserName}", Role.SecurityAdmin, null);

    public IServiceProvider Services => scope.ServiceProvider;

    public static async Task<TrackingStore> OpenAsync(TrackingStoreOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddLogging();
        services.AddRampartTracking(options);
        var provider = services.BuildServiceProvider();
        try
        {
            await StoreFailures.GuardAsync(options, async () =>
            {
                await TrackingDatabase.MigrateAsync(provider, cancellationToken);
                return true;
            });
            return new TrackingStore(provider);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await provider.DisposeAsync();
    }
}
