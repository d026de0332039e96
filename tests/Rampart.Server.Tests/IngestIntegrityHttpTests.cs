using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rampart.TestSupport;
using Rampart.Tracking;

namespace Rampart.Server.Tests;

/// <summary>Over HTTP, on both databases, with two partners: scoped ingest tokens, binding mismatches, stale outcomes.</summary>
[Collection(ServerCollection.Name)]
public sealed class IngestIntegrityHttpTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task An_app_scoped_token_is_403_elsewhere_a_foreign_target_is_422_and_an_older_scan_is_stale(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider, postgres);
        using var admin = server.Client(await server.TokenAsync(Role.SecurityAdmin));
        await World.CreateAppAsync(admin, World.AppA, await World.CreatePartnerAsync(admin, "Vendor A"));
        await World.CreateAppAsync(admin, World.AppB, await World.CreatePartnerAsync(admin, "Vendor B"));
        using var created = await admin.PostAsJsonAsync("/api/tokens", new { role = "ingest", appKey = World.AppA, name = "a ci" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        using var scoped = server.Client((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());

        using var outside = await scoped.PostAsync($"/api/apps/{World.AppB}/reports", RunningServer.Json(ReportBuilder.Json(World.AppB, 1)));
        outside.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await outside.Content.ReadAsStringAsync()).ShouldContain($"scoped to app '{World.AppA}'");

        // App B's clean report uploaded as app A's: the key and the descriptor's origin are B's.
        var foreign = ReportBuilder.Json(World.AppB, 0).Replace($"\"key\": \"{World.AppB}\"", $"\"key\": \"{World.AppA}\"", StringComparison.Ordinal);
        using var mismatch = await scoped.PostAsync($"/api/apps/{World.AppA}/reports", RunningServer.Json(foreign));
        mismatch.StatusCode.ShouldBe((HttpStatusCode)422);
        var problem = await mismatch.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("app.descriptorUrl")[0].GetString()
            .ShouldBe($"expected origin https://{World.AppA}.example.com, got origin https://{World.AppB}.example.com");

        (await World.IngestAsync(scoped, World.AppA, ReportBuilder.Json(World.AppA, 3))).GetProperty("outcome").GetString().ShouldBe("applied");
        var older = ReportBuilder.Json(World.AppA, 0).Replace(ReportBuilder.ScannedAt.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            ReportBuilder.ScannedAt.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var stale = await World.IngestAsync(scoped, World.AppA, older);
        stale.GetProperty("outcome").GetString().ShouldBe("stale");
        stale.GetProperty("verifiedFixed").GetInt32().ShouldBe(0);
        var tickets = await admin.GetFromJsonAsync<JsonElement>($"/api/tickets?app={World.AppA}&status=open");
        tickets.GetProperty("total").GetInt64().ShouldBe(3);
    }
}
