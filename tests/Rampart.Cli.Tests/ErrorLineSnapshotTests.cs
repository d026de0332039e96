using System.Text;
using Rampart.Tests.Snapshots;

namespace Rampart.Cli.Tests;

/// <summary>
/// The error lines users paste into bug reports and scripts grep, pinned as one reviewed file: each case is the
/// command, its exit code and exactly what it printed. None needs the network, so the text is the same everywhere.
/// </summary>
public sealed class ErrorLineSnapshotTests : IDisposable
{
    private readonly DirectoryInfo dataDir = Directory.CreateTempSubdirectory("rampart-cli-errors-");

    [Fact]
    public async Task Bad_input_prints_the_reviewed_error_lines()
    {
        string[][] cases =
        [
            ["frobnicate"],
            ["scan"],
            ["scan", ""],
            ["scan", "https://example.com/atlassian-connect.json", "-f", "json", "-o", "{data}"],
            ["scan", "https://example.com/atlassian-connect.json", "--format", "pdf"],
            ["scan", "https://example.com/atlassian-connect.json", "--timeout", "soon"],
            ["scan", "https://example.com/atlassian-connect.json", "--max-time", "NaN"],
            ["scan", "ftp://example.com/atlassian-connect.json", "-q"],
            ["scan", "https://127.0.0.1:1/atlassian-connect.json", "-q"],
            ["scan", "https://example.com/atlassian-connect.json", "--trust-ca", "/no/such/ca.pem", "-q"],
            ["scan", "https://example.com/atlassian-connect.json", "--dns-server", "not-an-address", "-q"],
            ["scan", "https://example.com/atlassian-connect.json", "-f", "json", "-o", "a.json", "-o", "b.json"],
            ["tokens", "revoke", "00000000-0000-4000-8000-00000000abcd", "--data-dir", "{data}"],
            ["tokens", "create", "--role", "partner", "--partner", "3f1c0d2e-0000-4000-8000-000000000001", "--data-dir", "{data}"],
            ["tokens", "create", "--role", "emperor", "--data-dir", "{data}"],
            ["tokens", "create", "--role", "partner", "--partner", "acme", "--data-dir", "{data}"],
            ["tokens", "revoke", "last-week", "--data-dir", "{data}"],
            ["tokens", "list", "--format", "xml", "--data-dir", "{data}"],
        ];

        var transcript = new StringBuilder();
        foreach (var arguments in cases)
        {
            var result = await CliRunner.RunAsync(arguments.Select(a => a.Replace("{data}", dataDir.FullName, StringComparison.Ordinal)).ToArray());
            transcript.Append("$ rampart ").AppendJoin(' ', arguments.Select(a => a.Length == 0 ? "\"\"" : a)).Append('\n')
                .Append("exit ").Append(result.ExitCode).Append('\n')
                .Append(result.Error.Replace(dataDir.FullName, "{data}", StringComparison.Ordinal).TrimEnd()).Append("\n\n");
        }

        Snapshot.Match(transcript.ToString(), "Expected/error-lines.txt");
    }

    public void Dispose() => dataDir.Delete(recursive: true);
}
