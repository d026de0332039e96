using System.Text.RegularExpressions;

namespace Rampart.Catalog.Tests;

/// <summary>
/// The README's tables of checks restate each check's requirement (and, for Forge, its severity) for readers; they
/// are held to the check records here so the restatement cannot drift.
/// </summary>
public sealed partial class ReadmeCheckTablesTests
{
    [Fact]
    public void Every_check_is_in_a_README_table_with_its_records_requirement_and_severity()
    {
        var rows = CheckRows().Matches(File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")))
            .ToDictionary(m => m.Groups["id"].Value, m => m, StringComparer.Ordinal);

        foreach (var record in CheckRegistry.Embedded.All)
        {
            var row = rows.GetValueOrDefault(record.Id).ShouldNotBeNull($"README.md has no table row for {record.Id}");
            row.Groups["requirement"].Value.ShouldBe(record.RequirementId, record.Id);
            if (row.Groups["severity"].Success)
            {
                row.Groups["severity"].Value.ShouldBe(record.Severity.ToId(), record.Id);
            }
        }

        rows.Keys.ShouldBeSubsetOf(CheckRegistry.Embedded.All.Select(r => r.Id));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rampart.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException($"no Rampart.slnx above {AppContext.BaseDirectory}");
    }

    // | `RMP-AUTH-001` | 1.1 | ...   and   | RMP-FORGE-001 | 1.2 | high | ...
    [GeneratedRegex(@"^\| `?(?<id>RMP-[A-Z]+-[0-9]{3})`? \| (?<requirement>G?[0-9][0-9.]*) \|(?: (?<severity>critical|high|medium|low|info) \|)?",
        RegexOptions.Multiline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CheckRows();
}
