namespace Rampart.Tracking;

/// <summary>Which database the tracker stores its data in.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
