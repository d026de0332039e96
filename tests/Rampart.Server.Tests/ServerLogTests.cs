using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Rampart.TestSupport;
using Rampart.Tracking;

namespace Rampart.Server.Tests;

/// <summary>The server's own log events (ServerLog), captured from a real server through a real logger provider.</summary>
[Collection(ServerCollection.Name)]
public sealed class ServerLogTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Start_refused_tokens_and_refused_roles_are_logged_with_their_event_ids_and_never_the_token()
    {
        await using var server = await RunningServer.StartAsync(TestDatabase.Sqlite, postgres);
        var listening = Fields(server.Logs.GetSnapshot().Single(r => r.Id.Id == 2001));
        listening["Addresses"].ShouldBe(server.Address.ToString().TrimEnd('/'));
        listening["Provider"].ShouldBe("Sqlite");

        const string Forged = "rmp_forged-token-that-was-never-issued";
        using (var forged = server.Client(Forged))
        {
            (await forged.GetAsync("/api/tickets")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var refused = server.Logs.GetSnapshot().Single(r => r.Id.Id == 2101);
        refused.Id.Name.ShouldBe("AuthenticationFailed");
        var fields = Fields(refused);
        (fields["Method"], fields["Path"], fields["RemoteAddress"]).ShouldBe(("GET", "/api/tickets", "127.0.0.1"));
        fields["Reason"]!.ShouldContain("unknown, expired or revoked");

        using (var auditor = server.Client(await server.TokenAsync(Role.Auditor)))
        {
            (await auditor.PostAsync("/api/partners", RunningServer.Json("{}"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var forbidden = Fields(server.Logs.GetSnapshot().Single(r => r.Id.Id == 2102));
        (forbidden["Role"], forbidden["Method"], forbidden["Path"]).ShouldBe(("auditor", "POST", "/api/partners"));
        forbidden["Actor"].ShouldNotBeNullOrEmpty();

        server.Logs.GetSnapshot().ShouldNotContain(r => r.Message.Contains(Forged, StringComparison.Ordinal)
            || (r.StructuredState ?? Array.Empty<KeyValuePair<string, string?>>()).Any(kv => kv.Value != null && kv.Value.Contains(Forged, StringComparison.Ordinal)));
    }

    /// <summary>
    /// An unexpected failure (the database vanished under a running server): the client gets a 500 problem with a trace
    /// id and no stack; the log gets one error, event 2301 with the exception, and no second copy from the framework's
    /// exception handler middleware.
    /// </summary>
    [Fact]
    public async Task An_unexpected_error_is_a_500_problem_for_the_client_and_one_logged_error_with_its_exception()
    {
        await using var server = await RunningServer.StartAsync(TestDatabase.Postgres, postgres);
        using var admin = server.Client(await server.TokenAsync(Role.SecurityAdmin));
        var database = new NpgsqlConnectionStringBuilder(server.Services.GetRequiredService<TrackingStoreOptions>().ConnectionString).Database;
        await using (var connection = new NpgsqlConnection(postgres.Server.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
        using var response = await admin.GetAsync("/api/partners");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("type").GetString().ShouldBe("https://rampart.dev/problems/internal-error");
        problem.GetProperty("title").GetString().ShouldBe("Internal error");
        problem.GetProperty("detail").GetString()!.ShouldContain("trace id");
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrEmpty();
        body.ShouldNotContain("   at ");
        var logged = server.Logs.GetSnapshot().Single(r => r.Id.Id == 2301);
        logged.Level.ShouldBe(LogLevel.Error);
        logged.Exception.ShouldNotBeNull();
        (Fields(logged)["Method"], Fields(logged)["Path"]).ShouldBe(("GET", "/api/partners"));
        server.Logs.GetSnapshot().ShouldNotContain(r => r.Level >= LogLevel.Error && r.Category != null
            && r.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal), "the handler logged it; the middleware must not log it again");
    }

    private static Dictionary<string, string?> Fields(Microsoft.Extensions.Logging.Testing.FakeLogRecord record) =>
        (record.StructuredState ?? []).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
}
