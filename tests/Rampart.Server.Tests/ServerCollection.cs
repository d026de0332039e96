using Rampart.TestSupport;

namespace Rampart.Server.Tests;

/// <summary>
/// Every server test shares one PostgreSQL cluster (each test gets its own migrated database from the template);
/// the collection also keeps the tests serial, which suits two cores and real servers.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "server";
}
