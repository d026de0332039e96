using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Rampart.Server.Hosting;
using Rampart.TestSupport;

namespace Rampart.Server.Tests;

/// <summary>
/// The scheduler against a fake clock. A run is due when its timer fires, and the timer fires inside
/// <c>FakeTimeProvider.Advance</c>: right after an advance the "run due" events (2201) say exactly which runs were
/// scheduled, so "no run before the interval" is an observation, not a race. Completed runs are read from the
/// <c>rampart.enforcement.runs</c> metric.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class EnforcementSchedulerTests(PostgresFixture postgres)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Enforcement_runs_when_the_clock_passes_each_interval_and_not_before()
    {
        await using var server = await RunningServer.StartAsync(TestDatabase.Sqlite, postgres, enforcementInterval: TimeSpan.FromMinutes(15));
        using var runs = new MetricCollector<long>(server.Services.GetRequiredService<IMeterFactory>(), EnforcementScheduler.MeterName, EnforcementScheduler.RunsInstrument);

        server.Time.Advance(TimeSpan.FromMinutes(14));
        Due(server).ShouldBeEmpty("no run may be due 14 minutes into a 15-minute interval");

        server.Time.Advance(TimeSpan.FromMinutes(1));
        Due(server).ShouldBe([RunningServer.Start.AddMinutes(15)]);
        await runs.WaitForMeasurementsAsync(1, RunTimeout);

        server.Time.Advance(TimeSpan.FromMinutes(14));
        Due(server).ShouldBe([RunningServer.Start.AddMinutes(15)], "the second run is not due before 30 minutes");
        server.Time.Advance(TimeSpan.FromMinutes(1));
        Due(server).ShouldBe([RunningServer.Start.AddMinutes(15), RunningServer.Start.AddMinutes(30)]);
        await runs.WaitForMeasurementsAsync(2, RunTimeout);

        var measured = runs.GetMeasurementSnapshot();
        measured.Select(m => (m.Value, m.Tags["outcome"])).ShouldBe([(1L, "ok"), (1L, "ok")]);
        server.Logs.GetSnapshot().Count(r => r.Id.Id == 2202).ShouldBe(2, "each completed run is logged");
    }

    [Fact]
    public async Task The_health_endpoint_no_longer_shows_the_enforcement_run_count()
    {
        await using var server = await RunningServer.StartAsync(TestDatabase.Sqlite, postgres, enforcementInterval: TimeSpan.FromMinutes(15));
        using var client = server.Client();
        using var runs = new MetricCollector<long>(server.Services.GetRequiredService<IMeterFactory>(), EnforcementScheduler.MeterName, EnforcementScheduler.RunsInstrument);
        server.Time.Advance(TimeSpan.FromMinutes(15));
        await runs.WaitForMeasurementsAsync(1, RunTimeout);

        (await client.GetStringAsync("/health")).ShouldBe("""{"status":"ok"}""");
        (await client.GetStringAsync("/health/ready")).ShouldBe("""{"status":"ok"}""");
    }

    private static List<DateTimeOffset> Due(RunningServer server) =>
        [.. server.Logs.GetSnapshot().Where(r => r.Id.Id == 2201)
            .Select(r => DateTimeOffset.Parse(r.StructuredState!.Single(kv => kv.Key == "DueAt").Value!, CultureInfo.InvariantCulture))];
}
