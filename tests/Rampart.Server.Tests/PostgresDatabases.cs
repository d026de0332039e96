namespace Rampart.Server.Tests;

/// <summary>Placeholder until the shared PostgreSQL fixture (tests/Rampart.TestSupport) is merged.</summary>
internal static class PostgresDatabases
{
    public static Task<(string ConnectionString, Func<ValueTask> DisposeAsync)> CreateAsync() =>
        throw new InvalidOperationException("PostgreSQL fixture not merged yet");
}
