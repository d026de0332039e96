using Rampart.TestSupport;

namespace Rampart.Cli.Tests;

/// <summary>
/// A wrong password, a missing database or a server that is not there is the user's configuration, not an internal
/// error (issue 11, defect 8): exit 2 (3 when the server cannot be reached) with a sentence that says which, against
/// a real PostgreSQL cluster that demands a password from one role.
/// </summary>
public sealed class PostgresConfigurationErrorTests : IAsyncLifetime
{
    private const string Role = "rampart_ci";
    private const string Password = "right-horse-battery";

    private PostgresServer server = null!;
    private string roleConnection = null!;

    public async Task InitializeAsync()
    {
        server = await PostgresServer.StartAsync();
        roleConnection = await server.CreatePasswordRoleAsync(Role, Password);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task The_right_password_reaches_the_tracker()
    {
        var result = await CliRunner.RunAsync("tokens", "list", "--database", "postgres", "--connection", roleConnection.Replace("Database=postgres", "Database=" + await CreateOwnedDatabaseAsync(), StringComparison.Ordinal));

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
    }

    [Fact]
    public async Task A_wrong_password_exits_2_and_says_so()
    {
        var result = await CliRunner.RunAsync("tokens", "list", "--database", "postgres", "--connection", roleConnection.Replace(Password, "wrong-password", StringComparison.Ordinal));

        result.ExitCode.ShouldBe(2, result.Out + result.Error);
        result.Error.ShouldContain($"authentication failed for user \"{Role}\" on 127.0.0.1:{server.Port}: wrong password");
        result.Error.ShouldNotContain("internal error");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_missing_database_the_user_may_not_create_exits_2_naming_it()
    {
        var result = await CliRunner.RunAsync("tokens", "list", "--database", "postgres", "--connection", roleConnection.Replace("Database=postgres", "Database=no_such_db", StringComparison.Ordinal));

        result.ExitCode.ShouldBe(2, result.Out + result.Error);
        result.Error.ShouldContain($"user \"{Role}\" lacks a privilege for database \"no_such_db\" on 127.0.0.1:{server.Port}: permission denied to create database");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_server_that_is_not_listening_exits_3()
    {
        var stopped = await PostgresServer.StartAsync();
        var port = stopped.Port;
        await stopped.DisposeAsync();

        var result = await CliRunner.RunAsync("tokens", "list", "--database", "postgres", "--connection", $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=5");

        result.ExitCode.ShouldBe(3, result.Out + result.Error);
        result.Error.ShouldContain($"127.0.0.1:{port}");
        result.Error.ShouldContain("connection refused");
    }

    private async Task<string> CreateOwnedDatabaseAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE owned_by_ci OWNER \"{Role}\"";
        await command.ExecuteNonQueryAsync();
        return "owned_by_ci";
    }
}
