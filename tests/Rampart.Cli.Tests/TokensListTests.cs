using System.Text.Json;

namespace Rampart.Cli.Tests;

/// <summary>
/// <c>tokens list</c> piped into a script (issue 15, item 7): one token a line in plain columns, nothing wrapped, so
/// the id is the first field whole; or JSON.
/// </summary>
public sealed class TokensListTests : IDisposable
{
    private readonly DirectoryInfo dataDir = Directory.CreateTempSubdirectory("rampart-cli-tokens-list-");

    [Fact]
    public async Task Piped_output_is_plain_columns_with_the_whole_id_first()
    {
        var id = await CreateAsync("a rather long token name that a table would wrap");

        var result = await CliRunner.RunAsync("tokens", "list", "--data-dir", dataDir.FullName);

        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Out.TrimEnd().Split('\n');
        lines.Length.ShouldBe(2, result.Out);
        lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["id", "role", "partner", "created", "expires", "state", "name"]);
        var fields = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        fields[0].ShouldBe(id);
        fields[1].ShouldBe("auditor");
        fields[5].ShouldBe("active");
        lines[1].ShouldEndWith("a rather long token name that a table would wrap");
        result.Out.ShouldNotContain("│");
    }

    [Fact]
    public async Task Json_lists_every_token_without_its_secret()
    {
        var id = await CreateAsync("ci");

        var result = await CliRunner.RunAsync("tokens", "list", "--format", "json", "--data-dir", dataDir.FullName);

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var token = json.RootElement.EnumerateArray().Single();
        token.GetProperty("id").GetString().ShouldBe(id);
        token.GetProperty("name").GetString().ShouldBe("ci");
        token.GetProperty("role").GetString().ShouldBe("auditor");
        token.GetProperty("state").GetString().ShouldBe("active");
        token.EnumerateObject().Select(p => p.Name).ShouldBe(["id", "name", "role", "partner", "created", "expires", "state"]);
    }

    [Fact]
    public async Task An_unknown_format_is_bad_input()
    {
        var result = await CliRunner.RunAsync("tokens", "list", "--format", "xml", "--data-dir", dataDir.FullName);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--format: 'xml' is not text or json");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dataDir.Delete(recursive: true);
    }

    /// <summary>Creates an auditor token and returns its id, as 'tokens create' prints it.</summary>
    private async Task<string> CreateAsync(string name)
    {
        var result = await CliRunner.RunAsync("tokens", "create", "--role", "auditor", "--name", name, "--data-dir", dataDir.FullName);
        result.ExitCode.ShouldBe(0, result.Error);
        return System.Text.RegularExpressions.Regex.Match(result.Out + result.Error, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").Value;
    }
}
