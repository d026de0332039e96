using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Tests.Reports;

public sealed class ReportWritersTests
{
    [Fact]
    public void Formats_are_listed_in_order()
    {
        ReportWriters.Formats.ShouldBe(["json", "sarif", "junit", "markdown", "html"]);
    }

    [Theory]
    [InlineData("json", typeof(JsonReportWriter), ".json")]
    [InlineData("sarif", typeof(SarifReportWriter), ".sarif")]
    [InlineData("junit", typeof(JUnitReportWriter), ".xml")]
    [InlineData("markdown", typeof(MarkdownReportWriter), ".md")]
    [InlineData("html", typeof(HtmlReportWriter), ".html")]
    public void Every_format_has_its_writer(string format, Type type, string extension)
    {
        var writer = ReportWriters.For(format);

        writer.ShouldBeOfType(type);
        writer.Format.ShouldBe(format);
        writer.FileExtension.ShouldBe(extension);
    }

    [Theory]
    [InlineData("SARIF")]
    [InlineData(" Sarif ")]
    public void Format_names_ignore_case_and_surrounding_space(string format) =>
        ReportWriters.For(format).Format.ShouldBe("sarif");

    [Theory]
    [InlineData("pdf")]
    [InlineData("")]
    [InlineData("console")]
    public void Unknown_format_names_the_valid_ones(string format)
    {
        var exception = Should.Throw<ArgumentException>(() => ReportWriters.For(format));

        exception.ParamName.ShouldBe("format");
        exception.Message.ShouldContain("json, sarif, junit, markdown, html");
    }

    [Fact]
    public async Task Every_writer_leaves_the_stream_open_and_writes_utf8_without_a_bom()
    {
        foreach (var format in ReportWriters.Formats)
        {
            using var stream = new MemoryStream();
            await ReportWriters.For(format).WriteAsync(SampleReports.Hostile(), stream, CancellationToken.None);

            stream.CanWrite.ShouldBeTrue(format);
            var bytes = stream.ToArray();
            bytes.Length.ShouldBeGreaterThan(100, format);
            bytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF }, format);
        }
    }

    [Fact]
    public async Task Every_writer_honours_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        foreach (var format in ReportWriters.Formats)
        {
            using var stream = new MemoryStream();
            await Should.ThrowAsync<OperationCanceledException>(
                () => ReportWriters.For(format).WriteAsync(SampleReports.Hostile(), stream, cancelled.Token));
        }
    }
}
