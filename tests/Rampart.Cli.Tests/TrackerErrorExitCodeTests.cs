namespace Rampart.Cli.Tests;

/// <summary>
/// The tracker's own errors reach the user as the exit code of their kind (issue 11, defect 2): an unknown id is the
/// user's input, exit 2, never the "internal error" exit 70 that the old guess-by-BCL-type boundary gave them.
/// </summary>
public sealed class TrackerErrorExitCodeTests : IDisposable
{
    private readonly DirectoryInfo dataDir = Directory.CreateTempSubdirectory("rampart-cli-tokens-");

    [Fact]
    public async Task Revoking_an_unknown_token_id_exits_2_naming_it()
    {
        var result = await CliRunner.RunAsync("tokens", "revoke", "00000000-0000-4000-8000-00000000abcd", "--data-dir", dataDir.FullName);

        result.ExitCode.ShouldBe(2, result.Out + result.Error);
        result.Error.ShouldContain("not found");
        result.Error.ShouldNotContain("internal error");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Creating_a_partner_token_for_an_unknown_partner_exits_2()
    {
        var result = await CliRunner.RunAsync("tokens", "create", "--role", "partner", "--partner", "3f1c0d2e-0000-4000-8000-000000000001", "--data-dir", dataDir.FullName);

        result.ExitCode.ShouldBe(2, result.Out + result.Error);
        result.Error.ShouldNotContain("internal error");
        result.Error.ShouldNotContain("   at ");
    }

    public void Dispose() => dataDir.Delete(recursive: true);
}
