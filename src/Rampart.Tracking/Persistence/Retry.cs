using Microsoft.Extensions.Logging;

namespace Rampart.Tracking.Persistence;

/// <summary>Runs a unit of work again (with a fresh context) when it lost a race with a concurrent writer.</summary>
internal static class Retry
{
    public const int MaxAttempts = 5;

    /// <summary>Runs <paramref name="work"/>, retrying a lost race; each retry is logged (event 1101) naming <paramref name="operation"/>.</summary>
    public static async Task<T> OnConflictAsync<T>(ILogger logger, string operation, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < MaxAttempts && DbErrors.RetryReason(e) is { } reason)
            {
                TrackingLog.Retrying(logger, operation, reason, attempt, MaxAttempts);
                // The other writer's rows are committed now; the next attempt sees them (e.g. the ticket it created).
                await Task.Delay(TimeSpan.FromMilliseconds(5 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
