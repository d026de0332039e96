using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Rampart.Server.Tests;

/// <summary><c>rampart tokens …</c> and <c>rampart serve</c> as separate processes sharing one data directory.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class CliTests : IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("rampart-cli-test-").FullName;

    [Fact]
    public async Task The_last_line_of_tokens_create_is_a_token_that_a_running_serve_accepts_until_it_is_revoked()
    {
        var (code, stdout, stderr) = await ServeProcess.RunCliAsync("tokens", "create", "--role", "security-admin", "--name", "bootstrap", "--data-dir", dataDir);
        code.ShouldBe(0, stderr);
        var lines = stdout.TrimEnd().Split('\n');
        var token = lines[^1].Trim();
        token.ShouldMatch("^rmp_[A-Za-z0-9_-]+$");
        var id = TokenId().Match(stdout).Groups[1].Value;

        await using var serve = await ServeProcess.StartAsync("--data-dir", dataDir);
        using var client = new HttpClient { BaseAddress = serve.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.GetAsync("/api/tickets")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var list = await ServeProcess.RunCliAsync("tokens", "list", "--data-dir", dataDir);
        list.ExitCode.ShouldBe(0, list.StdErr);
        list.StdOut.ShouldContain("bootstrap");
        list.StdOut.ShouldContain(id);
        list.StdOut.ShouldNotContain(token);

        var revoke = await ServeProcess.RunCliAsync("tokens", "revoke", id, "--data-dir", dataDir);
        revoke.ExitCode.ShouldBe(0, revoke.StdErr);
        (await client.GetAsync("/api/tickets")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("--role", "partner")]
    [InlineData("--role", "root")]
    [InlineData("--role", "auditor", "--expires", "forever")]
    [InlineData("--role", "auditor", "--database", "postgres")]
    public async Task Bad_tokens_create_arguments_exit_2_with_a_message(params string[] args)
    {
        var (code, _, stderr) = await ServeProcess.RunCliAsync(["tokens", "create", .. args, "--data-dir", dataDir]);
        code.ShouldBe(2);
        stderr.ShouldNotBeNullOrWhiteSpace();
        stderr.ShouldNotContain("   at ");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    [GeneratedRegex("token ([0-9a-f-]{36})")]
    private static partial Regex TokenId();
}
