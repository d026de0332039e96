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

        // A ticket is the unmet requirement; its detail lists the locations it failed at as instances.
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var instances = schemas.GetProperty("TicketDetailDto").GetProperty("properties").GetProperty("instances");
        instances.GetProperty("type").GetString().ShouldBe("array");
        var instance = schemas.GetProperty(instances.GetProperty("items").GetProperty("$ref").GetString()!.Split('/')[^1]);
        instance.GetProperty("properties").EnumerateObject().Select(p => p.Name)
            .ShouldBe(["fingerprint", "location", "evidence", "state", "firstSeen", "lastSeen", "falsePositivePattern"], ignoreOrder: true);

        // A false-positive decision may name the locations it covers, with the field exceptions use for their pattern.
        schemas.GetProperty("TransitionBody").GetProperty("properties").TryGetProperty("locationPattern", out _).ShouldBeTrue();
        schemas.GetProperty("GrantExceptionBody").GetProperty("properties").TryGetProperty("locationPattern", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_document_says_which_operations_need_a_token_what_they_refuse_and_the_query_parameter_types()
    {
        await using var server = await RunningServer.StartAsync(TestDatabase.Sqlite, postgres);
        using var client = server.Client();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");

        // The health probes answer without a token: no document-wide requirement, and theirs is the empty one ("none").
        document.TryGetProperty("security", out _).ShouldBeFalse("no document-wide security requirement");
        foreach (var health in new[] { "/health", "/health/ready" })
        {
            var security = paths.GetProperty(health).GetProperty("get").GetProperty("security");
            security.GetArrayLength().ShouldBe(1, health);
            security[0].EnumerateObject().ShouldBeEmpty(health);
        }

        var failures = new List<string>();
        foreach (var (method, path) in Endpoints.Where(e => e.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
            if (!operation.TryGetProperty("security", out var security) || !security.EnumerateArray().Any(s => s.TryGetProperty("Bearer", out _)))
            {
                failures.Add($"{method} {path}: no Bearer security requirement");
            }

            foreach (var status in new[] { "401", "403" }.Where(s => !responses.Contains(s)))
            {
                failures.Add($"{method} {path}: no {status} response");
            }

            if (operation.TryGetProperty("requestBody", out _))
            {
                failures.AddRange(new[] { "400", "413", "415" }.Where(s => !responses.Contains(s)).Select(s => $"{method} {path}: has a body but no {s} response"));
            }

            if (path.Contains('{', StringComparison.Ordinal) && !responses.Contains("404"))
            {
                failures.Add($"{method} {path}: names a resource but has no 404 response");
            }

            foreach (var status in responses.Where(s => s.StartsWith('4')))
            {
                var content = operation.GetProperty("responses").GetProperty(status).GetProperty("content");
                if (!content.TryGetProperty("application/problem+json", out _))
                {
                    failures.Add($"{method} {path}: {status} is not a problem document");
                }
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        var query = paths.GetProperty("/api/tickets").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));
        query["page"].GetProperty("type").GetString().ShouldBe("integer");
        query["pageSize"].GetProperty("type").GetString().ShouldBe("integer");
        query["pageSize"].GetProperty("maximum").GetInt32().ShouldBe(500);
        query["overdue"].GetProperty("type").GetString().ShouldBe("boolean");
        query["status"].GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ShouldContain("in-progress");
        query["severity"].GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ShouldContain("critical");
        query["app"].GetProperty("type").GetString().ShouldBe("string");
        var audit = paths.GetProperty("/api/audit").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "since").GetProperty("schema");
        audit.GetProperty("format").GetString().ShouldBe("date-time");
    }

    /// <summary>
    /// Redocly's linter (pinned in eng/openapi-lint, its ruleset and each stated exception in redocly.yaml and
    /// .redocly.lint-ignore.yaml there) on the document a real server serves: no error, no warning.
    /// </summary>
    [RequiresToolsFact(Tools.Redocly, "node")]
    public async Task The_served_document_lints_clean_with_redocly()
    {
        var redocly = Tools.Require(Tools.Redocly);
        await using var server = await RunningServer.StartAsync(TestDatabase.Sqlite, postgres);
        using var client = server.Client();
        var dir = Directory.CreateTempSubdirectory("rampart-openapi-lint-").FullName;
        try
        {
            // The ignore file names the document by its path relative to itself: lint a copy next to copies of both files.
            foreach (var file in new[] { "redocly.yaml", ".redocly.lint-ignore.yaml" })
            {
                File.Copy(Repository.Path("eng", "openapi-lint", file), Path.Combine(dir, file));
            }

            await File.WriteAllTextAsync(Path.Combine(dir, "openapi.json"), await client.GetStringAsync("/openapi/v1.json"));
            var (code, stdout, stderr) = await ToolProcess.RunAsync(redocly, ["lint", "openapi.json", "--config", "redocly.yaml", "--format", "json"], dir);
            var totals = JsonDocument.Parse(stdout).RootElement.GetProperty("totals");
            var problems = JsonDocument.Parse(stdout).RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()} {p.GetProperty("location")[0].GetProperty("pointer").GetString()}: {p.GetProperty("message").GetString()}");
            var report = string.Join(Environment.NewLine, problems) + Environment.NewLine + stderr;
            totals.GetProperty("errors").GetInt32().ShouldBe(0, report);
            totals.GetProperty("warnings").GetInt32().ShouldBe(0, report);
            code.ShouldBe(0, report);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
