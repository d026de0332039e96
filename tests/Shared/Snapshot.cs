using System.Runtime.CompilerServices;

namespace Rampart.Tests.Snapshots;

/// <summary>
/// Plain-file snapshots (the Verify library is not on this machine's NuGet mirror). The path given to <see cref="Match"/> is relative to
/// the test project and the file is copied to the output directory, so a test reads what the build shipped. Run the tests
/// with RAMPART_UPDATE_SNAPSHOTS=1 to rewrite the files from the actual output, then review the diff before committing.
/// </summary>
public static class Snapshot
{
    public static void Match(string actual, string path, [CallerFilePath] string callerFile = "")
    {
        var normalisedActual = Normalise(actual);
        if (Environment.GetEnvironmentVariable("RAMPART_UPDATE_SNAPSHOTS") == "1")
        {
            var target = Path.Combine(ProjectDirectory(callerFile), path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, normalisedActual + "\n");
            return;
        }

        var shipped = Path.Combine(AppContext.BaseDirectory, path);
        File.Exists(shipped).ShouldBeTrue($"snapshot {path} is missing (RAMPART_UPDATE_SNAPSHOTS=1 writes it)");
        normalisedActual.ShouldBe(Normalise(File.ReadAllText(shipped)), $"snapshot {path} differs (RAMPART_UPDATE_SNAPSHOTS=1 rewrites it)");
    }

    /// <summary>Line endings and trailing spaces are not part of any format Rampart promises; everything else is.</summary>
    private static string Normalise(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim();

    private static string ProjectDirectory(string callerFile)
    {
        for (var directory = Path.GetDirectoryName(callerFile); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (Directory.EnumerateFiles(directory, "*.csproj").Any())
            {
                return directory;
            }
        }

        throw new InvalidOperationException($"no test project above {callerFile}");
    }
}
