using Rampart.TestSupport;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rampart.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class EnforcementSchedulerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Enforcement_runs_when_the_clock_passes_each_interval_and_not_before()
    {
        await using var server = await RunningServer.StartAsync(TestDatabase.Sqlite, postgres, enforcementInterval: TimeSpan.FromMinutes(15));
        using var client = server.Client();

        server.Time.Advance(TimeSpan.FromMinutes(14));
        (await RunsAsync(client)).ShouldBe(0);

        server.Time.Advance(TimeSpan.FromMinutes(1));
        await WaitForRunsAsync(client, 1);
        server.Time.Advance(TimeSpan.FromMinutes(15));
        await WaitForRunsAsync(client, 2);
    }

    private static async Task<int> RunsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("enforcementRuns").GetInt32();

    /// <summary>The run happens on the scheduler's thread after the clock moves; wait for it (bounded), then assert the count.</summary>
    private static async Task WaitForRunsAsync(HttpClient client, int expected)
    {
        for (var attempt = 0; attempt < 200 && await RunsAsync(client) < expected; attempt++)
        {
            await Task.Delay(50);
        }

        (await RunsAsync(client)).ShouldBe(expected);
    }
}
