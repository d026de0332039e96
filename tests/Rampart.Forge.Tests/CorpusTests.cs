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
    public void Every_expect_marker_is_well_formed_and_the_corpus_has_both_flaws_and_look_alikes()
    {
        var apps = CorpusApp.All();

        apps.SelectMany(a => CorpusApp.MalformedMarkers(a.Directory).Select(m => $"{a.Name}/{m}")).ShouldBeEmpty();
        apps.Where(a => a.Expected.Count == 0).ShouldNotBeEmpty("look-alikes keep the false-positive rate honest");
        apps.SelectMany(a => a.Expected).Select(e => e.Check).Distinct().Order(StringComparer.Ordinal)
            .ShouldBe(Rampart.Forge.Checks.ForgeChecks.All.Select(c => c.Id).Order(StringComparer.Ordinal), "every Forge check has a flawed corpus app");
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
