using Rampart.TestSupport;

namespace Rampart.Tracking.Tests;

/// <summary>All database tests share one throwaway PostgreSQL cluster; each test gets its own fresh database.</summary>
[CollectionDefinition(Name)]
public sealed class TrackingDbCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "tracking-db";
}
