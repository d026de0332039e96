using Microsoft.Extensions.Time.Testing;
using Rampart.Catalog;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Rampart.Scanning.Tests.Support;

namespace Rampart.Scanning.Tests.Engine;

public sealed class CatalogSelectionTests
{
    [Theory]
    [InlineData("2026-11-29", "2026")]
    [InlineData("2026-10-31", "2026")]
    [InlineData("2026-06-01", "2022")]
    [InlineData("2021-01-01", "2020")]
    public void The_default_catalog_is_the_newest_in_effect(string today, string expected)
    {
        var engine = new ScanEngine(new FakeTimeProvider(DateTimeOffset.Parse(today + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), CatalogRegistry.Embedded);

        engine.SelectCatalog(null).Id.ShouldBe(expected);
    }

    [Fact]
    public void An_unknown_catalog_names_the_available_ones()
    {
        var engine = new ScanEngine(TimeProvider.System, CatalogRegistry.Embedded);

        Should.Throw<CatalogException>(() => engine.SelectCatalog("1999")).Message.ShouldContain("2022");
    }

    [Fact]
    public async Task Before_the_2026_catalog_takes_effect_its_additions_are_reported_as_upcoming()
    {
        // A clock in June 2026: the 2026 catalog is published (February) but takes effect at the end of October.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var descriptor = """{"key":"a","name":"A","baseUrl":"http://127.0.0.1:1/","authentication":{"type":"none"}}"""u8.ToArray();
        await using var server = await LoopbackServer.StartAsync(ctx => ctx.Response.Body.WriteAsync(descriptor).AsTask());
        var engine = new ScanEngine(clock, CatalogRegistry.Embedded);

        var report = await engine.ScanConnectAsync(new Uri(server.BaseUrl, "atlassian-connect.json"), TestScan.LoopbackOptions, null, TestTimeout.Token);

        report.Catalog.Id.ShouldBe("2022");
        report.Upcoming.Select(u => u.RequirementId).Order().ShouldBe(["2.1", "5.2"]);
        report.Upcoming.ShouldAllBe(u => u.CatalogId == "2026" && u.Effective == new DateOnly(2026, 10, 31));
        report.Requirements.ShouldNotContain(r => r.Id == "2.1");
    }
}
