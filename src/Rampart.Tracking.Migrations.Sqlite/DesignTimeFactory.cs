using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context for SQLite without a host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TrackingDbContext>
{
    public TrackingDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TrackingDbContext>();
        TrackingServiceCollectionExtensions.Configure(builder, new TrackingStoreOptions(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
        return new TrackingDbContext(builder.Options);
    }
}
