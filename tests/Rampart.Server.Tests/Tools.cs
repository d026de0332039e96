namespace Rampart.Server.Tests;

/// <summary>Outside programs some tests run: found on PATH, or (redocly) in the pinned npm install under eng/openapi-lint.</summary>
public static class Tools
{
    public const string Redocly = "redocly";

    /// <summary>Redocly's CLI as eng/install-test-deps.sh installs it (<c>npm ci</c> from the committed lock file).</summary>
    public static string RedoclyPath => Repository.Path("eng", "openapi-lint", "node_modules", ".bin", "redocly");

    public static IReadOnlyList<string> Missing(IEnumerable<string> tools) => [.. tools.Where(t => Find(t) is null)];

    /// <summary>The full path of a tool, or null when it is not installed.</summary>
    public static string? Find(string tool)
    {
        if (tool == Redocly)
        {
            return File.Exists(RedoclyPath) ? RedoclyPath : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The tool's path; under CI a missing tool fails the test here, naming the tool.</summary>
    public static string Require(string tool) =>
        Find(tool) ?? throw new FileNotFoundException($"'{tool}' is not installed; run eng/install-test-deps.sh");
}
