using Rampart.TestSupport;
using System.Net.Http.Json;
using System.Text.Json;
using Rampart.Tracking;

namespace Rampart.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class IngestTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Ingest_over_http_returns_the_counts_and_an_identical_upload_changes_nothing(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider, postgres);
        using var client = server.Client(await server.TokenAsync(Role.SecurityAdmin));
        var partner = await World.CreatePartnerAsync(client, "Vendor");
        await World.CreateAppAsync(client, "com.vendor.app", partner);
        using var ingestClient = server.Client(await server.TokenAsync(Role.Ingest));

        var first = await World.IngestAsync(ingestClient, "com.vendor.app", ReportBuilder.Json("com.vendor.app", 10));
        Counts(first).ShouldBe((10, 0, 0, 0, 0));

        var auditBefore = await server.AuditCountAsync();
        var tickets = await client.GetStringAsync("/api/tickets?app=com.vendor.app&pageSize=500");
        var again = await World.IngestAsync(ingestClient, "com.vendor.app", ReportBuilder.Json("com.vendor.app", 10));
        Counts(again).ShouldBe((0, 10, 0, 0, 0));
        (await client.GetStringAsync("/api/tickets?app=com.vendor.app&pageSize=500")).ShouldBe(tickets);

        var grown = await World.IngestAsync(ingestClient, "com.vendor.app", ReportBuilder.Json("com.vendor.app", 12));
        Counts(grown).ShouldBe((2, 10, 0, 0, 0));
        var page = await client.GetFromJsonAsync<JsonElement>("/api/tickets?app=com.vendor.app&pageSize=5&page=3");
        page.GetProperty("total").GetInt64().ShouldBe(12);
        page.GetProperty("items").GetArrayLength().ShouldBe(2);
        (await server.AuditCountAsync()).ShouldBeGreaterThan(auditBefore);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    public async Task Tickets_carry_the_minimum_shape_and_list_in_a_stable_order(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider, postgres);
        var world = await World.CreateAsync(server);
        using var client = server.Client(world.Tokens["auditor"]);

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/tickets?app={World.AppA}&status=open&severity=medium&overdue=false");
        list.GetProperty("total").GetInt64().ShouldBe(World.TicketsPerApp);
        var ticket = list.GetProperty("items")[0];
        foreach (var field in new[] { "id", "appKey", "fingerprint", "requirementId", "checkId", "severity", "status", "dueDate" })
        {
            ticket.TryGetProperty(field, out _).ShouldBeTrue($"ticket lacks '{field}': {ticket}");
        }

        ticket.GetProperty("status").GetString().ShouldBe("open");
        ticket.GetProperty("severity").GetString().ShouldBe("medium");
        ticket.GetProperty("appKey").GetString().ShouldBe(World.AppA);

        var ids1 = await World.TicketIdsAsync(client, World.AppA);
        var ids2 = await World.TicketIdsAsync(client, World.AppA);
        ids2.ShouldBe(ids1);

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/tickets/{ids1[0]}");
        detail.TryGetProperty("history", out _).ShouldBeTrue(detail.ToString());

        var app = await client.GetFromJsonAsync<JsonElement>($"/api/apps/{World.AppA}");
        app.GetProperty("listing").GetProperty("state").GetString().ShouldBe("listed");
    }

    internal static (int Created, int Unchanged, int VerifiedFixed, int Reopened, int Suppressed) Counts(JsonElement result) =>
        (result.GetProperty("created").GetInt32(), result.GetProperty("unchanged").GetInt32(), result.GetProperty("verifiedFixed").GetInt32(),
         result.GetProperty("reopened").GetInt32(), result.GetProperty("suppressed").GetInt32());
}
