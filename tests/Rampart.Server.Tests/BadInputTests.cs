using Rampart.TestSupport;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Rampart.Server.Tests;

/// <summary>Every kind of bad request gets a 4xx problem document naming what is wrong — and writes nothing.</summary>
[Collection(ServerCollection.Name)]
public sealed class BadInputTests(PostgresFixture postgres)
{
    private sealed record Case(string Name, string Method, Func<World, string> Path, Func<HttpContent?> Content, int Status, string Names);

    private static StringContent Json(string json, string type = "application/json") => new(json, Encoding.UTF8, MediaTypeHeaderValue.Parse(type));

    private static readonly string Report = ReportBuilder.Json(World.AppA, 12);

    private static readonly Case[] Cases =
    [
        new("malformed report JSON", "POST", _ => $"/api/apps/{World.AppA}/reports", () => Json(Report[..(Report.Length / 2)]), 400, "JSON"),
        new("unknown schemaVersion", "POST", _ => $"/api/apps/{World.AppA}/reports", () => Json(Report.Replace("\"schemaVersion\": 1", "\"schemaVersion\": 99", StringComparison.Ordinal)), 422, "schemaVersion"),
        new("report for an unknown app", "POST", _ => "/api/apps/com.nobody.app/reports", () => Json(ReportBuilder.Json("com.nobody.app", 3)), 404, "com.nobody.app"),
        new("report as text/plain", "POST", _ => $"/api/apps/{World.AppA}/reports", () => Json(Report, "text/plain"), 415, "application/json"),
        new("report without content type", "POST", _ => $"/api/apps/{World.AppA}/reports", () => new ByteArrayContent(Encoding.UTF8.GetBytes(Report)), 415, "Content-Type"),
        new("empty report", "POST", _ => $"/api/apps/{World.AppA}/reports", () => Json(""), 400, "empty"),
        // First among the cases that write: on PostgreSQL a NUL reaching an insert used to break the pooled connection,
        // so every case after it would fail too.
        new("partner name with a NUL character", "POST", _ => "/api/partners", () => Json("""{"name":"A\u0000B","securityContactEmail":"s@x.example"}"""), 400, "name"),
        new("comment with a lone surrogate", "POST", w => $"/api/tickets/{w.TicketsA[0]}/comments", () => Json("""{"text":"half \uD800 a pair"}"""), 400, "$.text"),
        new("partner without its e-mail", "POST", _ => "/api/partners", () => Json("""{"name":"X"}"""), 400, "securityContactEmail"),
        new("partner with an unknown field", "POST", _ => "/api/partners", () => Json("""{"name":"X","securityContactEmail":"s@x.example","colour":"red"}"""), 400, "colour"),
        new("partner with a broken e-mail", "POST", _ => "/api/partners", () => Json("""{"name":"X","securityContactEmail":"not-an-address"}"""), 400, "securityContactEmail"),
        new("partner as malformed JSON", "POST", _ => "/api/partners", () => Json("""{"name":"X", """), 400, "line 1"),
        new("partner as a form", "POST", _ => "/api/partners", () => new FormUrlEncodedContent([new("name", "X")]), 415, "application/x-www-form-urlencoded"),
        new("app for an unknown partner", "POST", _ => "/api/apps", () => Json("""{"key":"k.k","name":"n","kind":"connect","partnerId":"00000000-0000-4000-8000-000000000001"}"""), 400, "partnerId"),
        new("app with a wrong partner id", "POST", _ => "/api/apps", () => Json("""{"key":"k.k","name":"n","kind":"connect","partnerId":"seven"}"""), 400, "partnerId"),
        new("illegal transition", "POST", w => $"/api/tickets/{w.TicketsA[0]}/transitions", () => Json("""{"to":"mitigated"}"""), 409, "mitigated"),
        new("unknown status", "POST", w => $"/api/tickets/{w.TicketsA[0]}/transitions", () => Json("""{"to":"done"}"""), 400, "done"),
        new("transition without 'to'", "POST", w => $"/api/tickets/{w.TicketsA[0]}/transitions", () => Json("""{"comment":"x"}"""), 400, "to"),
        new("location pattern for another move", "POST", w => $"/api/tickets/{w.TicketsA[0]}/transitions", () => Json("""{"to":"in-progress","locationPattern":"*"}"""), 400, "locationPattern"),
        new("location pattern matching no open instance", "POST", w => $"/api/tickets/{w.TicketsA[0]}/transitions", () => Json("""{"to":"false-positive","reason":"CDN","locationPattern":"https://nowhere.example/*"}"""), 400, "locationPattern"),
        new("transition of a missing ticket", "POST", _ => "/api/tickets/987654321/transitions", () => Json("""{"to":"in-progress"}"""), 404, "987654321"),
        new("empty comment", "POST", w => $"/api/tickets/{w.TicketsA[0]}/comments", () => Json("""{"text":null}"""), 400, "text"),
        new("page size above 500", "GET", _ => "/api/tickets?pageSize=501", () => null, 400, "pageSize"),
        new("page whose offset overflows", "GET", _ => "/api/tickets?page=2147483647&pageSize=500", () => null, 400, "page"),
        new("audit page whose offset overflows", "GET", _ => "/api/audit?page=2147483647", () => null, 400, "page"),
        new("unknown status filter", "GET", _ => "/api/tickets?status=closed", () => null, 400, "closed"),
        new("overdue not a boolean", "GET", _ => "/api/tickets?overdue=yes", () => null, 400, "overdue"),
        new("method not allowed", "DELETE", _ => "/api/tickets", () => null, 405, "DELETE"),
        new("audit cannot be changed", "DELETE", _ => "/api/audit", () => null, 405, "DELETE"),
        new("no such endpoint", "GET", _ => "/api/nothing-here", () => null, 404, "/api/nothing-here"),
        new("token with an unknown role", "POST", _ => "/api/tokens", () => Json("""{"role":"root"}"""), 400, "root"),
    ];

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Bad_requests_get_a_problem_naming_what_is_wrong_and_write_nothing(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider, postgres);
        var world = await World.CreateAsync(server);
        using var admin = server.Client(world.Tokens["security-admin"]);
        var failures = new List<string>();

        foreach (var @case in Cases)
        {
            var audit = await server.AuditCountAsync();
            var tickets = await admin.GetStringAsync("/api/tickets?pageSize=500");
            using var request = new HttpRequestMessage(new HttpMethod(@case.Method), @case.Path(world)) { Content = @case.Content() };
            using var response = await admin.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != @case.Status || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{@case.Name}: expected {@case.Status} problem, got {(int)response.StatusCode} {response.Content.Headers.ContentType} {text}");
                continue;
            }

            var detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString() ?? "";
            if (!detail.Contains(@case.Names, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{@case.Name}: detail does not name '{@case.Names}': {detail}");
            }

            if (text.Contains("   at ", StringComparison.Ordinal))
            {
                failures.Add($"{@case.Name}: a stack trace leaked: {text}");
            }

            if (await server.AuditCountAsync() != audit || await admin.GetStringAsync("/api/tickets?pageSize=500") != tickets)
            {
                failures.Add($"{@case.Name}: something was written");
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// The framework writes the problems; the document describes them. Both kinds (the server's own: a validation
    /// error with its field; the framework's: a route that does not exist) carry exactly the documented fields, with
    /// Rampart's type URIs, whatever the client accepts.
    /// </summary>
    [Fact]
    public async Task Problems_carry_exactly_the_fields_the_openapi_document_describes_whatever_the_client_accepts()
    {
        await using var server = await RunningServer.StartAsync(TestDatabase.Sqlite, postgres);
        using var admin = server.Client(await server.TokenAsync(Tracking.Role.SecurityAdmin));
        var document = JsonDocument.Parse(await admin.GetStringAsync("/openapi/v1.json")).RootElement;
        var documented = document.GetProperty("components").GetProperty("schemas").GetProperty("Problem").GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).ToHashSet();
        documented.ShouldBe(["type", "title", "status", "detail", "instance", "errors", "traceId"], ignoreOrder: true);

        foreach (var accept in new[] { null, "text/html" })
        {
            using var invalid = new HttpRequestMessage(HttpMethod.Post, "/api/partners") { Content = Json("""{"name":"X","securityContactEmail":"not-an-address"}""") };
            using var missing = new HttpRequestMessage(HttpMethod.Get, "/api/nothing-here");
            if (accept is not null)
            {
                invalid.Headers.Accept.ParseAdd(accept);
                missing.Headers.Accept.ParseAdd(accept);
            }

            using var validation = await admin.SendAsync(invalid);
            using var notFound = await admin.SendAsync(missing);
            foreach (var (response, status, type, fields) in new[]
            {
                (validation, 400, "https://rampart.dev/problems/validation", documented.ToArray()),
                (notFound, 404, "https://rampart.dev/problems/not-found", documented.Where(f => f != "errors").ToArray()),
            })
            {
                var body = await response.Content.ReadAsStringAsync();
                ((int)response.StatusCode).ShouldBe(status, body);
                response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
                var problem = JsonDocument.Parse(body).RootElement;
                problem.EnumerateObject().Select(p => p.Name).ShouldBe(fields, ignoreOrder: true, body);
                problem.GetProperty("type").GetString().ShouldBe(type, body);
                problem.GetProperty("status").GetInt32().ShouldBe(status, body);
                problem.GetProperty("instance").GetString().ShouldBe(response.RequestMessage!.RequestUri!.AbsolutePath, body);
            }

            JsonDocument.Parse(await validation.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")
                .TryGetProperty("securityContactEmail", out _).ShouldBeTrue();
        }
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    public async Task An_oversized_report_is_refused_with_413_before_it_is_read(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider, postgres);
        var world = await World.CreateAsync(server);
        using var admin = server.Client(world.Tokens["security-admin"]);
        var audit = await server.AuditCountAsync();

        // 17 MiB: above the 16 MiB report limit. Expect: 100-continue lets the server refuse before the body is sent.
        var big = ReportBuilder.Json(World.AppA, 40, evidencePadding: new string('x', 450_000));
        big.Length.ShouldBeGreaterThan(16 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/apps/{World.AppA}/reports") { Content = Json(big) };
        request.Headers.ExpectContinue = true;
        using var response = await admin.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("16777216");

        // A small endpoint has a small limit.
        var partner = await admin.PostAsync("/api/partners", Json($$"""{"name":"{{new string('n', 70_000)}}","securityContactEmail":"s@x.example"}"""));
        partner.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await server.AuditCountAsync()).ShouldBe(audit);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    public async Task A_chunked_upload_that_grows_past_the_limit_is_cut_off_with_413(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider, postgres);
        var world = await World.CreateAsync(server);
        using var admin = server.Client(world.Tokens["security-admin"]);
        var audit = await server.AuditCountAsync();

        var big = Encoding.UTF8.GetBytes(ReportBuilder.Json(World.AppA, 40, evidencePadding: new string('x', 450_000)));
        using var content = new StreamContent(new MemoryStream(big));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/apps/{World.AppA}/reports") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        HttpResponseMessage? response = null;
        try
        {
            response = await admin.SendAsync(request);
        }
        catch (HttpRequestException)
        {
            // The server may close the connection while the client is still sending; then there is no answer to read.
        }

        if (response is not null)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
            response.Dispose();
        }

        (await server.AuditCountAsync()).ShouldBe(audit);
        (await World.TicketIdsAsync(admin, World.AppA)).Count.ShouldBe(World.TicketsPerApp);
    }
}
