using System.ComponentModel;
using Npgsql;
using Rampart.Cli.Infrastructure;
using Rampart.Tracking;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

/// <summary>Where the tracking database is: a SQLite file under <c>--data-dir</c> (default) or PostgreSQL.</summary>
internal class StoreSettings : CommandSettings
{
    public const string DefaultDataDir = "rampart-data";

    [CommandOption("--data-dir <DIR>")]
    [Description("Directory of the SQLite database (rampart.db). Default: ./rampart-data.")]
    public string? DataDir { get; init; }

    [CommandOption("--database <PROVIDER>")]
    [Description("sqlite (default) or postgres.")]
    public string? Database { get; init; }

    [CommandOption("--connection <CONNECTION>")]
    [Description("PostgreSQL connection string (with --database postgres), e.g. \"Host=127.0.0.1;Database=rampart;Username=rampart;Password=...\".")]
    public string? Connection { get; init; }

    public override ValidationResult Validate()
    {
        switch (Database)
        {
            case null or "sqlite":
                if (Connection is not null)
                {
                    return ValidationResult.Error("--connection is for --database postgres; SQLite uses --data-dir.");
                }

                break;
            case "postgres":
                if (string.IsNullOrWhiteSpace(Connection))
                {
                    return ValidationResult.Error("--database postgres needs --connection \"Host=...;Database=...;Username=...;Password=...\".");
                }

                if (DataDir is not null)
                {
                    return ValidationResult.Error("--data-dir is for SQLite; PostgreSQL is chosen by --connection.");
                }

                try
                {
                    _ = new NpgsqlConnectionStringBuilder(Connection);
                }
                catch (ArgumentException e)
                {
                    return ValidationResult.Error($"--connection is not a PostgreSQL connection string: {e.Message}");
                }

                break;
            default:
                return ValidationResult.Error($"--database '{Database}' is not supported; use sqlite or postgres.");
        }

        return ValidationResult.Success();
    }

    public TrackingStoreOptions ToStoreOptions()
    {
        if (Database == "postgres")
        {
            return new TrackingStoreOptions(DatabaseProvider.PostgreSql, Connection ?? throw new UsageException("--connection is required"));
        }

        var dir = Path.GetFullPath(DataDir ?? DefaultDataDir);
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--data-dir: cannot create '{dir}' ({e.Message})", e);
        }

        return TrackingStoreOptions.ForDataDirectory(dir);
    }
}
