using Rampart.TestSupport;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Rampart.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class PartnerIsolationTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_partner_sees_only_its_own_apps_and_tickets(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider, postgres);
        var world = await World.CreateAsync(server);
        using var partner = server.Client(world.Tokens["partner"]);

        var all = await partner.GetFromJsonAsync<JsonElement>("/api/tickets?pageSize=500");
        all.GetProperty("total").GetInt64().ShouldBe(World.TicketsPerApp);
        all.GetProperty("items").EnumerateArray().ShouldAllBe(t => t.GetProperty("appKey").GetString() == World.AppA);

        var filtered = await partner.GetAsync($"/api/tickets?app={World.AppB}");
        var text = await filtered.Content.ReadAsStringAsync();
        if (filtered.IsSuccessStatusCode)
        {
            JsonDocument.Parse(text).RootElement.GetProperty("total").GetInt64().ShouldBe(0);
        }
        else
        {
            filtered.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        text.ShouldNotContain(world.TicketsB[0].ToString(System.Globalization.CultureInfo.InvariantCulture) + ",");
        var apps = await partner.GetStringAsync("/api/apps");
        apps.ShouldContain(World.AppA);
        apps.ShouldNotContain(World.AppB);

        foreach (var path in new[] { $"/api/apps/{World.AppB}", $"/api/tickets/{world.TicketsB[0]}", $"/api/partners/{world.PartnerB}" })
        {
            var response = await partner.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            var body = await response.Content.ReadAsStringAsync();
            body.ShouldNotContain("Vendor B");
            body.ShouldNotContain("fingerprint");
        }
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_partner_moves_its_tickets_only_along_vendor_transitions(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider, postgres);
        var world = await World.CreateAsync(server);
        using var partner = server.Client(world.Tokens["partner"]);
        var ticket = world.TicketsA[0];

        // Every refusal is the lifecycle's 409; a move that exists for the security team or the system says the role
        // is why, a move that exists for nobody from "open" says nothing of roles.
        foreach (var (to, forOtherRoles) in new[] { ("false-positive", true), ("verified-fixed", true), ("exception-granted", true), ("mitigated", false), ("escalated", true) })
        {
            var refused = await partner.PostAsync($"/api/tickets/{ticket}/transitions", Json($$"""{"to":"{{to}}","comment":"trying"}"""));
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, to);
            refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            var detail = await refused.Content.ReadAsStringAsync();
            detail.Contains("not allowed for role partner", StringComparison.Ordinal).ShouldBe(forOtherRoles, $"{to}: {detail}");
        }

        (await StatusOf(partner, ticket)).ShouldBe("open");

        foreach (var to in new[] { "in-progress", "fix-submitted" })
        {
            var moved = await partner.PostAsync($"/api/tickets/{ticket}/transitions", Json($$"""{"to":"{{to}}","comment":"vendor update"}"""));
            moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
            (await StatusOf(partner, ticket)).ShouldBe(to);
        }

        var other = await partner.PostAsync($"/api/tickets/{world.TicketsA[1]}/transitions", Json("""{"to":"extension-requested","comment":"need two more weeks: the fix needs a vendor library release"}"""));
        other.StatusCode.ShouldBe(HttpStatusCode.OK, await other.Content.ReadAsStringAsync());
    }

    private static async Task<string?> StatusOf(HttpClient client, long id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}")).GetProperty("status").GetString();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
