using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context for PostgreSQL without a host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TrackingDbContext>
{
    public TrackingDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TrackingDbContext>();
        TrackingServiceCollectionExtensions.Configure(builder, new TrackingStoreOptions(DatabaseProvider.PostgreSql, "Host=localhost;Database=rampart_design"));
        return new TrackingDbContext(builder.Options);
    }
}
