using Rampart.TestSupport;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Rampart.Tracking;

namespace Rampart.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class TokenTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Expired_revoked_unknown_and_malformed_tokens_are_refused_with_401(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider, postgres);
        var admin = await server.TokenAsync(Role.SecurityAdmin, lifetime: TimeSpan.FromDays(365));
        var shortLived = await server.TokenAsync(Role.Auditor, lifetime: TimeSpan.FromDays(1));
        using var adminClient = server.Client(admin);

        (await server.Client(shortLived).GetAsync("/api/tickets")).StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        await ShouldBeRefusedAsync(server.Client(shortLived), "unknown, expired or revoked");

        var created = await adminClient.PostAsync("/api/tokens", Json("""{"role":"auditor","expiresInDays":30,"name":"to revoke"}"""));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        var id = body.GetProperty("id").GetGuid();
        (await server.Client(token).GetAsync("/api/tickets")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await adminClient.PostAsync($"/api/tokens/{id}/revoke", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeRefusedAsync(server.Client(token), "unknown, expired or revoked");

        await ShouldBeRefusedAsync(server.Client(token[..^1] + (token[^1] == 'a' ? 'b' : 'a')), "unknown, expired or revoked");
        await ShouldBeRefusedAsync(server.Client(), "Authorization: Bearer");
        using var basic = server.Client();
        basic.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "YWRtaW46YWRtaW4=");
        await ShouldBeRefusedAsync(basic, "Bearer scheme");
        await ShouldBeRefusedAsync(server.Client(new string('t', 5000)), "too long");
    }

    [Fact]
    public async Task A_token_is_shown_once_and_only_its_hash_is_stored()
    {
        await using var server = await RunningServer.StartAsync(TestDatabase.Sqlite, postgres);
        using var admin = server.Client(await server.TokenAsync(Role.SecurityAdmin));
        var created = await admin.PostAsync("/api/tokens", Json("""{"role":"ingest","name":"ci upload"}"""));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        token.ShouldStartWith(TokenService.Prefix);

        var list = await admin.GetStringAsync("/api/tokens");
        list.ShouldContain("ci upload");
        list.ShouldNotContain(token);

        // The plaintext appears nowhere in the database files (main file and write-ahead log).
        var options = server.Services.GetService(typeof(TrackingStoreOptions)) as TrackingStoreOptions;
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options!.ConnectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            (await reader.ReadToEndAsync()).ShouldNotContain(token[TokenService.Prefix.Length..], customMessage: path);
        }
    }

    private static async Task ShouldBeRefusedAsync(HttpClient client, string detail)
    {
        using (client)
        {
            var response = await client.GetAsync("/api/tickets");
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain(detail);
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
