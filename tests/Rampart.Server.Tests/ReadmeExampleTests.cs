using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rampart.Server.Tests;

/// <summary>
/// The README's <c>rampart serve</c> worked example, extracted from README.md (the bash block after
/// <c>&lt;!-- readme-example: serve --&gt;</c>) and run as written with bash, against the built CLI (a <c>./rampart</c>
/// that runs it), on a free port, in an empty directory.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class ReadmeExampleTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("rampart-readme-example-").FullName;

    [RequiresToolsFact("bash", "curl", "jq")]
    public async Task The_serve_worked_example_runs_as_written_start_to_end()
    {
        var bash = Tools.Require("bash");
        Tools.Require("curl");
        Tools.Require("jq");
        var example = Example(await File.ReadAllTextAsync(Repository.Path("README.md")));
        await File.WriteAllTextAsync(Path.Combine(dir, "example.sh"), example);
        var shim = Path.Combine(dir, "rampart");
        await File.WriteAllTextAsync(shim, $"#!/usr/bin/env bash\nexec dotnet '{ServeProcess.CliDll}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var (code, stdout, stderr) = await ToolProcess.RunAsync(bash, ["example.sh"], dir,
            new Dictionary<string, string> { ["PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) },
            TimeSpan.FromMinutes(5));

        var all = $"exit {code}{Environment.NewLine}stdout:{Environment.NewLine}{stdout}{Environment.NewLine}stderr:{Environment.NewLine}{stderr}";
        code.ShouldBe(0, all);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldContain(l => l.StartsWith("{\"key\":\"leaky-app\",\"partnerId\":", StringComparison.Ordinal), all);
        var uploads = lines.Where(l => l.StartsWith("{\"created\":", StringComparison.Ordinal)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        uploads.Count.ShouldBe(2, all);
        uploads[0].GetProperty("created").GetInt32().ShouldBeGreaterThan(0, all);
        uploads[1].GetProperty("created").GetInt32().ShouldBe(0, all);
        uploads[1].GetProperty("unchanged").GetInt32().ShouldBe(uploads[0].GetProperty("created").GetInt32(), all);
        lines.Count(l => l.StartsWith("{\"id\":", StringComparison.Ordinal)).ShouldBeInRange(1, 3, all);
        lines[^1].ShouldBe("in-progress", all);
    }

    [Fact]
    public void The_marked_block_is_found_in_the_readme() =>
        Example(File.ReadAllText(Repository.Path("README.md"))).ShouldContain("./rampart serve");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>The fenced bash block right after the marker comment.</summary>
    private static string Example(string readme)
    {
        var match = MarkedBlock().Match(readme);
        match.Success.ShouldBeTrue("README.md has no '<!-- readme-example: serve -->' followed by a ```bash block");
        return match.Groups[1].Value;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"<!-- readme-example: serve -->\r?\n```bash\r?\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex MarkedBlock();
}
