using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

public static class TrackingServiceCollectionExtensions
{
    /// <summary>The migrations assembly of each provider; the host must reference both projects.</summary>
    public const string SqliteMigrationsAssembly = "Rampart.Tracking.Migrations.Sqlite";

    public const string PostgreSqlMigrationsAssembly = "Rampart.Tracking.Migrations.PostgreSql";

    /// <summary>Registers the tracker: logging (if the host has none), a pooled DbContext factory, the services, <see cref="TimeProvider.System"/> (unless
    /// one is registered) and <see cref="TrackingPolicy.Default"/> (unless one is registered).</summary>
    public static IServiceCollection AddRampartTracking(this IServiceCollection services, TrackingStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);

        // The services log through ILogger<T>; a host that configured no logging gets the empty factory (no output).
        services.AddLogging();
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
        // The ticket list counts at most TicketPage.CountLimit + 1 matches with an unordered Take: any that many rows
        // answer "more than the limit?", and ordering them would force PostgreSQL to walk the list's index with a
        // heap fetch per row instead of the cheapest index for the filter (6.7 ms instead of 0.7 ms for overdue).
        builder.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(options.ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(Persistence.SqlitePragmas.Instance),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(WithTrackerDefaults(options.ConnectionString), o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "unknown database provider"),
        };
    }

    /// <summary>
    /// Npgsql settings the tracker's access pattern needs, unless the connection string sets them itself. Automatic
    /// preparation: planning the ticket list's statements cost PostgreSQL about 2 ms each, more than running them.
    /// No reset on close: every pooled connection returned after a statement cost five more round trips of session
    /// reset (RESET ALL, advisory unlocks...), and the tracker never changes session state.
    /// </summary>
    internal static string WithTrackerDefaults(string connectionString)
    {
        // NpgsqlConnectionStringBuilder reports every keyword it knows as present; a plain builder has only those given.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
