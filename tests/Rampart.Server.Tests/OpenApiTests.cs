using Rampart.TestSupport;
using System.Text.Json;

namespace Rampart.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class OpenApiTests(PostgresFixture postgres)
{
    public static readonly (string Method, string Path)[] Endpoints =
    [
        ("post", "/api/partners"), ("get", "/api/partners"), ("get", "/api/partners/{id}"),
        ("post", "/api/apps"), ("get", "/api/apps"), ("get", "/api/apps/{key}"), ("post", "/api/apps/{key}/reports"),
        ("get", "/api/tickets"), ("get", "/api/tickets/{id}"), ("post", "/api/tickets/{id}/transitions"),
        ("post", "/api/tickets/{id}/comments"), ("post", "/api/tickets/{id}/severity"),
        ("get", "/api/audit"),
        ("post", "/api/exceptions"), ("get", "/api/exceptions"), ("post", "/api/exceptions/{id}/revoke"),
        ("post", "/api/tokens"), ("get", "/api/tokens"), ("post", "/api/tokens/{id}/revoke"),
        ("get", "/health"), ("get", "/health/ready"),
    ];

    [Fact]
    public async Task The_openapi_document_is_served_and_lists_every_endpoint()
    {
        await using var server = await RunningServer.StartAsync(TestDatabase.Sqlite, postgres);
        using var client = server.Client();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        document.GetProperty("openapi").GetString().ShouldStartWith("3.");
        var paths = document.GetProperty("paths");
        var listed = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (m.Name, p.Name)))
            .ToHashSet();
        Endpoints.Where(e => !listed.Contains(e)).ShouldBeEmpty();
        listed.Count.ShouldBe(Endpoints.Length, string.Join(", ", listed));

        var transition = paths.GetProperty("/api/tickets/{id}/transitions").GetProperty("post");
        transition.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue();
        document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _).ShouldBeTrue();
    }
}
