using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rampart.Tracking;

namespace Rampart.Server.Tests;

/// <summary>
/// Two partners with one app each, a report ingested for each, and a token for every role: the data the role
/// and isolation tests run against. Seeded through the HTTP API as an administrator.
/// </summary>
public sealed class World
{
    public const string AppA = "com.vendor-a.app";
    public const string AppB = "com.vendor-b.app";
    public const int TicketsPerApp = 10;

    public required RunningServer Server { get; init; }
    public required Guid PartnerA { get; init; }
    public required Guid PartnerB { get; init; }
    public required IReadOnlyList<long> TicketsA { get; init; }
    public required IReadOnlyList<long> TicketsB { get; init; }
    public required IReadOnlyDictionary<string, string> Tokens { get; init; }

    /// <summary>An active exception of app A and a spare auditor token, for the revoke endpoints.</summary>
    public required Guid ExceptionA { get; init; }

    public required Guid SpareToken { get; init; }

    public static readonly string[] Roles = ["security-admin", "security-analyst", "auditor", "partner", "ingest"];

    public static async Task<World> CreateAsync(RunningServer server)
    {
        var admin = await server.TokenAsync(Role.SecurityAdmin);
        using var client = server.Client(admin);
        var partnerA = await CreatePartnerAsync(client, "Vendor A");
        var partnerB = await CreatePartnerAsync(client, "Vendor B");
        await CreateAppAsync(client, AppA, partnerA);
        await CreateAppAsync(client, AppB, partnerB);
        await IngestAsync(client, AppA, ReportBuilder.Json(AppA, TicketsPerApp));
        await IngestAsync(client, AppB, ReportBuilder.Json(AppB, TicketsPerApp));
        using var exception = await client.PostAsJsonAsync("/api/exceptions", new { appKey = AppA, requirementId = "7.2", reason = "product API lacks JWT", expiresAt = "2027-06-01T00:00:00Z" });
        exception.StatusCode.ShouldBe(HttpStatusCode.Created, await exception.Content.ReadAsStringAsync());
        using var spare = await client.PostAsJsonAsync("/api/tokens", new { role = "auditor", expiresInDays = 7, name = "spare" });
        spare.StatusCode.ShouldBe(HttpStatusCode.Created, await spare.Content.ReadAsStringAsync());
        return new World
        {
            Server = server,
            PartnerA = partnerA,
            PartnerB = partnerB,
            TicketsA = await TicketIdsAsync(client, AppA),
            TicketsB = await TicketIdsAsync(client, AppB),
            ExceptionA = (await exception.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            SpareToken = (await spare.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            Tokens = new Dictionary<string, string>
            {
                ["security-admin"] = admin,
                ["security-analyst"] = await server.TokenAsync(Role.SecurityAnalyst),
                ["auditor"] = await server.TokenAsync(Role.Auditor),
                ["partner"] = await server.TokenAsync(Role.Partner, partnerA),
                ["partner-b"] = await server.TokenAsync(Role.Partner, partnerB),
                ["ingest"] = await server.TokenAsync(Role.Ingest),
            },
        };
    }

    public static async Task<Guid> CreatePartnerAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/partners", new { name, securityContactEmail = $"security@{name.Replace(' ', '-').ToLowerInvariant()}.example" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task CreateAppAsync(HttpClient client, string key, Guid partnerId)
    {
        var response = await client.PostAsJsonAsync("/api/apps", new { key, name = key, kind = "connect", partnerId, descriptorUrl = $"https://{key}.example.com/atlassian-connect.json" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> IngestAsync(HttpClient client, string key, string reportJson)
    {
        var response = await client.PostAsync($"/api/apps/{key}/reports", RunningServer.Json(reportJson));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<IReadOnlyList<long>> TicketIdsAsync(HttpClient client, string key)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/tickets?app={key}&pageSize=500");
        return [.. page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64())];
    }
}
