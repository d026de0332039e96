using System.Runtime.CompilerServices;

namespace Rampart.Cli.Tests;

/// <summary>
/// Plain-file snapshots under Expected/ (the Verify library is not available here). Run the tests with
/// RAMPART_UPDATE_SNAPSHOTS=1 to rewrite them from the actual output, then review the diff.
/// </summary>
public static class Snapshot
{
    public static void Match(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        var normalisedActual = Normalise(actual);
        if (Environment.GetEnvironmentVariable("RAMPART_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(callerFile)!, "Expected", name), normalisedActual + "\n");
            return;
        }

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Expected", name));
        normalisedActual.ShouldBe(Normalise(expected), $"snapshot Expected/{name} differs (RAMPART_UPDATE_SNAPSHOTS=1 rewrites it)");
    }

    private static string Normalise(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim();
}
