using System.Net.Http.Json;
using System.Text.Json;
using Rampart.TestSupport;
using Rampart.Tracking;

namespace Rampart.Server.Tests;

/// <summary>
/// Evidence copied from a hostile response may hold NUL, which PostgreSQL's text cannot store (an insert failed with
/// 500 and left the pooled connection broken for the next request; issue 12, defect 5). A report is stored with U+FFFD
/// in its place, on both databases, and the server goes on answering. A lone surrogate escape is not text the JSON
/// reader can decode at all: that report is refused with 400 naming where.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class UnstorableTextTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Evidence_with_NUL_is_stored_with_the_replacement_character(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider, postgres);
        using var admin = server.Client(await server.TokenAsync(Role.SecurityAdmin));
        var partner = await World.CreatePartnerAsync(admin, "Vendor");
        await World.CreateAppAsync(admin, "com.vendor.app", partner);
        using var ingest = server.Client(await server.TokenAsync(Role.Ingest));
        var report = ReportBuilder.Json("com.vendor.app", 1, evidencePadding: " MARK").Replace(" MARK", @" \u0000 and \u0000 end", StringComparison.Ordinal);
        var surrogate = ReportBuilder.Json("com.vendor.app", 1, evidencePadding: " MARK").Replace(" MARK", @" \uD800 end", StringComparison.Ordinal);

        await World.IngestAsync(ingest, "com.vendor.app", report);
        using var refused = await ingest.PostAsync("/api/apps/com.vendor.app/reports", new StringContent(surrogate, System.Text.Encoding.UTF8, "application/json"));

        var id = (await World.TicketIdsAsync(admin, "com.vendor.app")).ShouldHaveSingleItem();
        var ticket = await admin.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}");
        ticket.GetProperty("evidence").GetString().ShouldEndWith(" \uFFFD and \uFFFD end");
        ((int)refused.StatusCode).ShouldBe(400);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("$.findings[0].evidence");
        (await admin.GetAsync("/api/partners")).IsSuccessStatusCode.ShouldBeTrue("the next request on the pool still works");
    }
}
