using Microsoft.Extensions.Hosting;

namespace Rampart.DemoApps.Hosting;

/// <summary>
/// Replaces the console lifetime: several demo apps live inside one test run or CLI process, and Ctrl+C belongs to
/// that process, not to each app. The owner stops an app by disposing it.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
