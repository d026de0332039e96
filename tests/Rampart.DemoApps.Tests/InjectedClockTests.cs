using Microsoft.Extensions.Time.Testing;
using Rampart.DemoApps.Tests.Support;

namespace Rampart.DemoApps.Tests;

/// <summary>Token expiry is judged by the app's injected clock (Kestrel keeps its own; it is not affected).</summary>
public sealed class InjectedClockTests
{
    [Fact]
    public async Task A_token_expires_when_the_apps_clock_passes_exp_plus_at_most_30_seconds_of_skew()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        using var ca = DemoCertificateAuthority.Create(clock);
        await using var app = await DemoApp.StartAsync(new DemoAppOptions("clock-app", "Clock App"), ca, clock, CancellationToken.None);
        var client = new AppClient(app, DemoHttp.CreateClient(ca.Certificate), clock);
        var token = app.CreateContextJwt(app.UserAccountId);

        (await client.GetAsync("/pages/report", token)).Status.ShouldBe(200);
        clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(20));
        (await client.GetAsync("/pages/report", token)).Status.ShouldBe(200);
        clock.Advance(TimeSpan.FromSeconds(20));
        (await client.GetAsync("/pages/report", token)).Status.ShouldBe(401);
        (await client.GetAsync("/pages/report", app.CreateContextJwt(app.UserAccountId))).Status.ShouldBe(200);
    }

    [Fact]
    public async Task With_expiry_ignored_an_old_token_keeps_working()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        using var ca = DemoCertificateAuthority.Create(clock);
        await using var app = await DemoApp.StartAsync(
            new DemoAppOptions("clock-app", "Clock App", DemoFlaws.IgnoresExpiry), ca, clock, CancellationToken.None);
        var client = new AppClient(app, DemoHttp.CreateClient(ca.Certificate), clock);
        var token = app.CreateContextJwt(app.UserAccountId);

        clock.Advance(TimeSpan.FromDays(1));

        (await client.GetAsync("/pages/report", token)).Status.ShouldBe(200);
    }
}
