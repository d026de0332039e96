using System.Globalization;
using Xunit.Abstractions;

namespace Rampart.Forge.Tests;

public sealed class CorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Apps()
    {
        var data = new TheoryData<string>();
        foreach (var app in CorpusApp.All())
        {
            data.Add(app.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public async Task Each_corpus_app_reports_exactly_its_expected_findings(string name)
    {
        var app = CorpusApp.Load(Path.Combine(CorpusApp.Root, name));
        var report = await ForgeTestScanner.ScanAsync(app.Directory);
        var actual = report.Findings.Select(f => (f.CheckId, At: ForgeTestScanner.FileLine(f.Location))).ToList();
        foreach (var finding in report.Findings)
        {
            output.WriteLine($"{finding.CheckId} {finding.Location} {finding.Evidence}");
        }

        actual.OrderBy(a => a.At).ThenBy(a => a.CheckId).ShouldBe(app.Expected.OrderBy(e => e.At).ThenBy(e => e.Check), ignoreOrder: false);
    }

    [Fact]
    public async Task Precision_and_recall_over_the_whole_corpus_are_one()
    {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var apps = CorpusApp.All();
        foreach (var app in apps)
        {
            var report = await ForgeTestScanner.ScanAsync(app.Directory);
            var actual = report.Findings.Select(f => (f.CheckId, ForgeTestScanner.FileLine(f.Location))).ToHashSet();
            var expected = app.Expected.ToHashSet();
            truePositives += actual.Count(expected.Contains);
            falsePositives += actual.Count(a => !expected.Contains(a));
            falseNegatives += expected.Count(e => !actual.Contains(e));
            foreach (var missing in expected.Where(e => !actual.Contains(e)))
            {
                output.WriteLine($"missed {app.Name}: {missing}");
            }

            foreach (var extra in actual.Where(a => !expected.Contains(a)))
            {
                output.WriteLine($"false positive {app.Name}: {extra}");
            }
        }

        var precision = truePositives + falsePositives == 0 ? 1.0 : (double)truePositives / (truePositives + falsePositives);
        var recall = truePositives + falseNegatives == 0 ? 1.0 : (double)truePositives / (truePositives + falseNegatives);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"Forge corpus: {apps.Count} apps, {truePositives} expected findings found, {falsePositives} false positives, {falseNegatives} missed; precision {precision:0.000}, recall {recall:0.000}");
        output.WriteLine(line);
        Console.WriteLine(line);
        precision.ShouldBe(1.0);
        recall.ShouldBe(1.0);
    }
}
