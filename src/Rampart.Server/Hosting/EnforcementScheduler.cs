using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rampart.Tracking;

namespace Rampart.Server.Hosting;

/// <summary>
/// Runs the listing-enforcement engine every <see cref="ServerOptions.EnforcementInterval"/>, as measured by the
/// injected <see cref="TimeProvider"/> (tests advance a fake clock). A failed run is logged and the next one
/// still happens: one bad run must not stop enforcement for good. Completed runs are counted by the
/// <c>rampart.enforcement.runs</c> metric (meter <see cref="MeterName"/>), not on the anonymous health endpoint.
/// </summary>
public sealed class EnforcementScheduler : BackgroundService
{
    public const string MeterName = "Rampart.Server";
    public const string RunsInstrument = "rampart.enforcement.runs";

    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider time;
    private readonly ServerOptions options;
    private readonly ILogger<EnforcementScheduler> logger;
    private readonly Counter<long> runs;
    private readonly Channel<DateTimeOffset> due =
        Channel.CreateBounded<DateTimeOffset>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private ITimer? timer;

    public EnforcementScheduler(IServiceScopeFactory scopes, TimeProvider time, ServerOptions options, ILogger<EnforcementScheduler> logger, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        this.scopes = scopes;
        this.time = time;
        this.options = options;
        this.logger = logger;
        runs = meters.Create(MeterName).CreateCounter<long>(RunsInstrument, "{run}", "Completed enforcement runs, by outcome (ok, failed).");
    }

    /// <summary>Starts the clock with the host, so the first run is one interval after the server started.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The timer only records that a run is due (on the timer's thread; inside Advance with a fake clock, so a test
        // sees at once whether a run was scheduled); the runs happen in ExecuteAsync, one at a time. A run that outlasts
        // the interval leaves at most one more due behind it, as PeriodicTimer would.
        timer ??= time.CreateTimer(_ =>
        {
            var at = time.GetUtcNow();
            if (due.Writer.TryWrite(at))
            {
                ServerLog.EnforcementRunDue(logger, at);
            }
        }, null, options.EnforcementInterval, options.EnforcementInterval);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (timer is not null)
        {
            await timer.DisposeAsync();
        }

        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in due.Reader.ReadAllAsync(stoppingToken))
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
        var outcome = "failed";
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<EnforcementService>().RunAsync(cancellationToken);
            ServerLog.EnforcementRunCompleted(logger, result.Escalated, result.Delisted, result.Relisted, result.Reminded, result.Reopened);
            outcome = "ok";
        }
#pragma warning disable CA1031 // The scheduler outlives one failed run; the failure is logged with its stack.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            ServerLog.EnforcementRunFailed(logger, ex);
        }
        finally
        {
            runs.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
