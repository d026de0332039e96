using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

public static class TrackingServiceCollectionExtensions
{
    /// <summary>The migrations assembly of each provider; the host must reference both projects.</summary>
    public const string SqliteMigrationsAssembly = "Rampart.Tracking.Migrations.Sqlite";

    public const string PostgreSqlMigrationsAssembly = "Rampart.Tracking.Migrations.PostgreSql";

    /// <summary>Registers the tracker: a pooled DbContext factory, the services, <see cref="TimeProvider.System"/> (unless
    /// one is registered) and <see cref="TrackingPolicy.Default"/> (unless one is registered).</summary>
    public static IServiceCollection AddRampartTracking(this IServiceCollection services, TrackingStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);

        services.AddPooledDbContextFactory<TrackingDbContext>(builder => Configure(builder, options));
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(TrackingPolicy.Default);
        services.TryAddSingleton(CheckVectors.Default);
        services.TryAddScoped<PartnerService>();
        services.TryAddScoped<AppService>();
        services.TryAddScoped<IngestService>();
        services.TryAddScoped<TicketService>();
        services.TryAddScoped<ExceptionService>();
        services.TryAddScoped<EnforcementService>();
        services.TryAddScoped<AuditService>();
        services.TryAddScoped<TokenService>();
        return services;
    }

    /// <summary>Points a context builder at the store (also used by the design-time factories and tests).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, TrackingStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(options.ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(Persistence.SqlitePragmas.Instance),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(WithAutoPrepare(options.ConnectionString), o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "unknown database provider"),
        };
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs often (ingest's reads and inserts, the ticket list), so the
    /// server parses and plans them once per connection instead of on every call. A connection string that sets
    /// <c>Max Auto Prepare</c> itself keeps its value.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }
}
