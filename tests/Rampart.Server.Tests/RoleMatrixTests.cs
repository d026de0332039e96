using Rampart.TestSupport;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Rampart.Server.Tests;

/// <summary>Every role against every endpoint: allowed, 401, 403 or 404 — and every refusal is a problem document.</summary>
[Collection(ServerCollection.Name)]
public sealed class RoleMatrixTests(PostgresFixture postgres)
{
    private sealed record Case(string Method, Func<World, string, string> Path, Func<World, string, string?> Body, IReadOnlyDictionary<string, int> Expected);

    // Columns: security-admin, security-analyst, auditor, partner (of vendor A), ingest; 401 without a token is checked for all.
    private static Dictionary<string, int> Row(int admin, int analyst, int auditor, int partner, int ingest) => new()
    {
        ["security-admin"] = admin,
        ["security-analyst"] = analyst,
        ["auditor"] = auditor,
        ["partner"] = partner,
        ["ingest"] = ingest,
    };

    private static readonly Case[] Cases =
    [
        new("POST", (_, _) => "/api/partners", (_, role) => $$"""{"name":"P {{role}}","securityContactEmail":"sec@{{role}}.example"}""", Row(201, 403, 403, 403, 403)),
        new("GET", (_, _) => "/api/partners", (_, _) => null, Row(200, 200, 200, 200, 403)),
        new("GET", (w, _) => $"/api/partners/{w.PartnerA}", (_, _) => null, Row(200, 200, 200, 200, 403)),
        new("GET", (w, _) => $"/api/partners/{w.PartnerB}", (_, _) => null, Row(200, 200, 200, 404, 403)),
        new("POST", (_, _) => "/api/apps", (w, role) => $$"""{"key":"app.{{role}}","name":"n","kind":"connect","partnerId":"{{w.PartnerA}}","descriptorUrl":null}""", Row(201, 403, 403, 403, 403)),
        new("GET", (_, _) => "/api/apps", (_, _) => null, Row(200, 200, 200, 200, 403)),
        new("GET", (_, _) => $"/api/apps/{World.AppA}", (_, _) => null, Row(200, 200, 200, 200, 403)),
        new("GET", (_, _) => $"/api/apps/{World.AppB}", (_, _) => null, Row(200, 200, 200, 404, 403)),
        new("GET", (_, _) => "/api/apps/no.such.app", (_, _) => null, Row(404, 404, 404, 404, 403)),
        new("POST", (_, _) => $"/api/apps/{World.AppA}/reports", (_, _) => ReportBuilder.Json(World.AppA, World.TicketsPerApp), Row(200, 200, 403, 403, 200)),
        new("GET", (_, _) => "/api/tickets", (_, _) => null, Row(200, 200, 200, 200, 403)),
        new("GET", (w, _) => $"/api/tickets/{w.TicketsA[0]}", (_, _) => null, Row(200, 200, 200, 200, 403)),
        new("GET", (w, _) => $"/api/tickets/{w.TicketsB[0]}", (_, _) => null, Row(200, 200, 200, 404, 403)),
        new("GET", (_, _) => "/api/tickets/999999999", (_, _) => null, Row(404, 404, 404, 404, 403)),
        // Each role moves its own ticket so one role's move does not make the next one's illegal (no token: index 0).
        new("POST", (w, role) => $"/api/tickets/{w.TicketsA[Array.IndexOf(World.Roles, role) + 1]}/transitions", (_, _) => """{"to":"in-progress","comment":"on it"}""", Row(200, 200, 403, 200, 403)),
        new("POST", (w, role) => $"/api/tickets/{w.TicketsB[Array.IndexOf(World.Roles, role) + 1]}/transitions", (_, _) => """{"to":"in-progress"}""", Row(200, 200, 403, 404, 403)),
        new("POST", (w, _) => $"/api/tickets/{w.TicketsA[0]}/comments", (_, role) => $$"""{"text":"comment by {{role}}"}""", Row(201, 201, 403, 201, 403)),
        new("POST", (w, _) => $"/api/tickets/{w.TicketsB[1]}/comments", (_, _) => """{"text":"hello"}""", Row(201, 201, 403, 404, 403)),
        new("POST", (w, _) => $"/api/tickets/{w.TicketsA[7]}/severity", (_, role) => $$"""{"cvssVector":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N","reason":"re-scored by {{role}}"}""", Row(200, 200, 403, 403, 403)),
        new("POST", (w, _) => $"/api/tickets/{w.TicketsB[7]}/severity", (_, _) => """{"cvssVector":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N","reason":"lower"}""", Row(200, 200, 403, 403, 403)),
        new("GET", (_, _) => "/api/audit", (_, _) => null, Row(200, 200, 200, 403, 403)),
        new("POST", (_, _) => "/api/exceptions", (_, _) => $$"""{"appKey":"{{World.AppA}}","requirementId":"7.2","reason":"product API lacks JWT","expiresAt":"2027-06-01T00:00:00Z"}""", Row(201, 403, 403, 403, 403)),
        new("GET", (_, _) => "/api/exceptions", (_, _) => null, Row(200, 200, 200, 200, 403)),
        // Only the administrator may revoke, and does so first (roles run in World.Roles order), so no later role sees a 409.
        new("POST", (w, _) => $"/api/exceptions/{w.ExceptionA}/revoke", (_, _) => null, Row(200, 403, 403, 403, 403)),
        new("POST", (w, _) => $"/api/tokens/{w.SpareToken}/revoke", (_, _) => null, Row(200, 403, 403, 403, 403)),
        new("POST", (_, _) => "/api/tokens", (_, _) => """{"role":"auditor","expiresInDays":7,"name":"matrix"}""", Row(201, 403, 403, 403, 403)),
        new("GET", (_, _) => "/api/tokens", (_, _) => null, Row(200, 403, 403, 403, 403)),
    ];

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Every_role_gets_exactly_its_allowed_answer_from_every_endpoint(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider, postgres);
        var world = await World.CreateAsync(server);
        var mismatches = new List<string>();

        foreach (var @case in Cases)
        {
            foreach (var role in World.Roles.Append("none"))
            {
                var expected = role == "none" ? 401 : @case.Expected[role];
                using var client = server.Client(role == "none" ? null : world.Tokens[role]);
                var path = @case.Path(world, role);
                using var request = new HttpRequestMessage(new HttpMethod(@case.Method), path);
                if (@case.Body(world, role) is { } body)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode != expected)
                {
                    mismatches.Add($"{role,-16} {@case.Method} {path}: expected {expected}, got {(int)response.StatusCode} {text}");
                    continue;
                }

                if (expected >= 400)
                {
                    var problem = JsonDocument.Parse(text).RootElement;
                    if (response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                        || problem.GetProperty("status").GetInt32() != expected
                        || string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()))
                    {
                        mismatches.Add($"{role,-16} {@case.Method} {path}: not a problem document: {response.Content.Headers.ContentType} {text}");
                    }

                    // Another partner's data never leaks: nothing but what the caller itself sent comes back.
                    // The caller's own path (another partner's id it asked for) may be echoed; nothing else of theirs.
                    var echoed = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
                        .Aggregate(text, (t, segment) => t.Replace(segment, string.Empty, StringComparison.OrdinalIgnoreCase));
                    if (expected == 404 && role == "partner"
                        && (echoed.Contains(world.PartnerB.ToString(), StringComparison.OrdinalIgnoreCase) || echoed.Contains("Vendor B", StringComparison.Ordinal)
                            || echoed.Contains("fingerprint", StringComparison.OrdinalIgnoreCase)))
                    {
                        mismatches.Add($"{role,-16} {@case.Method} {path}: leaks another partner's data: {text}");
                    }
                }
            }
        }

        mismatches.ShouldBeEmpty(string.Join(Environment.NewLine, mismatches));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    public async Task Health_and_the_openapi_document_need_no_token(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider, postgres);
        using var client = server.Client();
        (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("status").GetString().ShouldBe("ok");
        (await client.GetAsync("/openapi/v1.json")).IsSuccessStatusCode.ShouldBeTrue();
    }
}
