namespace Rampart.Catalog.Tests;

/// <summary>
/// One match timeout for every regex (issue 11, consolidation 7). The banned-API analyzer stops constructors and static
/// helpers without a timeout; this test stops the one place it cannot see, a source-generated regex with its own number.
/// </summary>
public sealed class RegexLimitsTests
{
    [Fact]
    public void Every_generated_regex_in_the_sources_uses_the_shared_timeout()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var attributes = files.SelectMany(f => GeneratedRegexAttributes(f).Select(a => (File: Path.GetRelativePath(src, f), a.Line, a.Text))).ToList();

        attributes.Count.ShouldBeGreaterThan(10, "the scan must see the sources' generated regexes");
        attributes.Where(a => !a.Text.Contains("matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds", StringComparison.Ordinal))
            .Select(a => $"{a.File}:{a.Line}")
            .ShouldBeEmpty();
    }

    /// <summary>Each <c>[GeneratedRegex(...)]</c> attribute with its first line; it ends on the first line ending in <c>)]</c>.</summary>
    private static IEnumerable<(int Line, string Text)> GeneratedRegexAttributes(string file)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Contains("[GeneratedRegex(", StringComparison.Ordinal))
            {
                continue;
            }

            var end = i;
            while (end < lines.Length - 1 && !lines[end].TrimEnd().EndsWith(")]", StringComparison.Ordinal))
            {
                end++;
            }

            yield return (i + 1, string.Join('\n', lines[i..(end + 1)]));
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Rampart.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Rampart.slnx not found above " + AppContext.BaseDirectory);
    }
}
