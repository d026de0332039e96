using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Rampart.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster on a free loopback port in a temp directory (initdb + pg_ctl), stopped and deleted on
/// dispose. Run as root, it runs the server as the <c>postgres</c> user (PostgreSQL refuses to run as root). A missing
/// installation is an error, never a skip: install it with <c>eng/install-test-deps.sh</c>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    private readonly string binDir;
    private readonly bool asPostgresUser;

    private PostgresServer(string binDir, string dataDir, int port, bool asPostgresUser)
    {
        this.binDir = binDir;
        DataDirectory = dataDir;
        Port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    /// <summary>Superuser connection to the <c>postgres</c> database.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20;Timeout=30;Command Timeout=120";

    /// <param name="durable">False (tests) turns fsync and synchronous commit off; true keeps PostgreSQL's durable defaults (benchmarks, crash tests).</param>
    public static async Task<PostgresServer> StartAsync(bool durable = false, CancellationToken cancellationToken = default)
    {
        var binDir = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no initdb/pg_ctl under /usr/lib/postgresql/*/bin, nor RAMPART_PG_BIN): run 'sudo bash eng/install-test-deps.sh'. "
            + "The tracking tests need a real PostgreSQL and do not skip.");
        var asPostgres = Environment.UserName == "root" || string.Equals(Environment.GetEnvironmentVariable("USER"), "root", StringComparison.Ordinal);
        var dataDir = Path.Combine(Path.GetTempPath(), "rampart-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDir);
        if (asPostgres)
        {
            await RunAsync("chown", ["postgres:postgres", dataDir], cancellationToken).ConfigureAwait(false);
        }

        var server = new PostgresServer(binDir, dataDir, FreePort(), asPostgres);
        try
        {
            await server.PgAsync("initdb", ["-D", Path.Combine(dataDir, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"], cancellationToken).ConfigureAwait(false);
            var options = $"-p {server.Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={dataDir} -c max_connections=200 -c shared_buffers=128MB";
            if (!durable)
            {
                options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            }

            await server.PgAsync("pg_ctl", ["-D", Path.Combine(dataDir, "data"), "-o", options, "-l", Path.Combine(dataDir, "server.log"), "-w", "-t", "60", "start"], cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates an empty database (optionally from a template database) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, string? template = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"" + (template is null ? string.Empty : $" TEMPLATE \"{template}\"");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ConnectionString(name);
    }

    /// <summary>
    /// Creates a login role that must authenticate with <paramref name="password"/> (scram-sha-256) even though the
    /// cluster trusts everyone else, so tests can see what a wrong password does; returns its connection string.
    /// </summary>
    public async Task<string> CreatePasswordRoleAsync(string role, string password, CancellationToken cancellationToken = default)
    {
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE ROLE \"{role}\" LOGIN PASSWORD '{password.Replace("'", "''", StringComparison.Ordinal)}'";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // pg_hba.conf is matched top down: the role's own line goes before initdb's trust lines.
        var hba = Path.Combine(DataDirectory, "data", "pg_hba.conf");
        var rules = await File.ReadAllTextAsync(hba, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(hba, $"host all \"{role}\" 127.0.0.1/32 scram-sha-256\n" + rules, cancellationToken).ConfigureAwait(false);
        await PgAsync("pg_ctl", ["-D", Path.Combine(DataDirectory, "data"), "reload"], cancellationToken).ConfigureAwait(false);
        NpgsqlConnection.ClearAllPools();
        return $"Host=127.0.0.1;Port={Port};Username={role};Password={password};Database=postgres;Pooling=false;Timeout=15";
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "data", "postmaster.pid")))
            {
                await PgAsync("pg_ctl", ["-D", Path.Combine(DataDirectory, "data"), "-m", "immediate", "-w", "stop"], CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is not worth failing a test run for.
            }
        }
    }

    private Task PgAsync(string tool, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var path = Path.Combine(binDir, tool);
        return asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args], cancellationToken)
            : RunAsync(path, args, cancellationToken);
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode.ToString(CultureInfo.InvariantCulture)}: {await stderr.ConfigureAwait(false)}{await stdout.ConfigureAwait(false)}");
        }
    }

    private static string? FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("RAMPART_PG_BIN");
        if (!string.IsNullOrEmpty(configured) && File.Exists(Path.Combine(configured, "initdb")))
        {
            return configured;
        }

        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")) && File.Exists(Path.Combine(d.Dir, "pg_ctl")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
