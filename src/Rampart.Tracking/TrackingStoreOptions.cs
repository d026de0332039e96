namespace Rampart.Tracking;

/// <summary>Where the tracker keeps its data.</summary>
public sealed record TrackingStoreOptions(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The SQLite file name inside a data directory.</summary>
    public const string SqliteFileName = "rampart.db";

    /// <summary>The default store: a SQLite file <c>&lt;dataDir&gt;/rampart.db</c> (journal mode WAL, set on open).</summary>
    public static TrackingStoreOptions ForDataDirectory(string dataDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        var path = Path.GetFullPath(Path.Combine(dataDir, SqliteFileName));
        return new TrackingStoreOptions(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=True;Default Timeout=30");
    }
}
