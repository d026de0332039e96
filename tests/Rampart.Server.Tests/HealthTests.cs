using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Rampart.TestSupport;
using Rampart.Tracking;

namespace Rampart.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class HealthTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Readiness_answers_503_once_the_database_is_gone_while_liveness_stays_200()
    {
        await using var server = await RunningServer.StartAsync(TestDatabase.Postgres, postgres);
        using var client = server.Client();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var database = new NpgsqlConnectionStringBuilder(server.Services.GetRequiredService<TrackingStoreOptions>().ConnectionString).Database;
        await using (var admin = new NpgsqlConnection(postgres.Server.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
        using var gone = await client.GetAsync("/health/ready");
        gone.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await gone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("database-unreachable");
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
