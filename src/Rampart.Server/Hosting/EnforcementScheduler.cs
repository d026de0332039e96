using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rampart.Tracking;

namespace Rampart.Server.Hosting;

/// <summary>
/// Runs the listing-enforcement engine every <see cref="ServerOptions.EnforcementInterval"/>, as measured by the
/// injected <see cref="TimeProvider"/> (tests advance a fake clock). A failed run is logged and the next one
/// still happens: one bad run must not stop enforcement for good.
/// </summary>
public sealed partial class EnforcementScheduler(IServiceScopeFactory scopes, TimeProvider time, ServerOptions options, ILogger<EnforcementScheduler> logger)
    : BackgroundService
{
    /// <summary>Completed runs since start (for the health endpoint and tests).</summary>
    public int Runs => Volatile.Read(ref runs);

    private int runs;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.EnforcementInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<EnforcementService>().RunAsync(cancellationToken);
            LogRun(logger, result.Escalated, result.Delisted, result.Relisted, result.Reminded);
        }
#pragma warning disable CA1031 // The scheduler outlives one failed run; the failure is logged with its stack.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
        }
        finally
        {
            Interlocked.Increment(ref runs);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enforcement run: {Escalated} escalated, {Delisted} delisted, {Relisted} relisted, {Reminded} reminded")]
    private static partial void LogRun(ILogger logger, int escalated, int delisted, int relisted, int reminded);

    [LoggerMessage(Level = LogLevel.Error, Message = "Enforcement run failed; the next run is still scheduled")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
