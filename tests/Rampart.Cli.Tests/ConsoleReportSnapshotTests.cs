using Rampart.Cli.Output;
using Rampart.Scanning.Tests.Reports;
using Rampart.Tests.Snapshots;

namespace Rampart.Cli.Tests;

/// <summary>
/// The console table a vendor reads in CI logs, pinned as plain text: a changed column, label, order or escaping shows
/// up as a diff of Expected/console-*.txt rather than passing unseen.
/// </summary>
public sealed class ConsoleReportSnapshotTests
{
    [Fact]
    public void Hostile_report_renders_as_the_reviewed_table()
    {
        var text = new StringWriter();

        ConsoleReport.Write(SampleReports.Hostile(), CliRunner.Console(text));

        Snapshot.Match(text.ToString(), "Expected/console-hostile.txt");
    }

    [Fact]
    public void Clean_report_renders_as_the_reviewed_table()
    {
        var text = new StringWriter();

        ConsoleReport.Write(SampleReports.Clean(), CliRunner.Console(text));

        Snapshot.Match(text.ToString(), "Expected/console-clean.txt");
    }
}
