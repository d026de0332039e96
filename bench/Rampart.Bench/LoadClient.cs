using System.Diagnostics;

namespace Rampart.Bench;

/// <summary>One request's outcome: its class, its latency from the moment it was due (so a stalled server cannot hide queueing), and its status.</summary>
internal sealed record LoadSample(string Kind, double Milliseconds, int Status);

/// <summary>
/// An open-loop load client: requests are started on a fixed schedule (the rate), not when the previous one
/// finished, and latency is measured from the scheduled start (no coordinated omission). In-flight requests are
/// bounded; a request that would exceed the bound is counted as dropped instead of queueing without limit.
/// </summary>
internal static class LoadClient
{
    public static async Task<(IReadOnlyList<LoadSample> Samples, int Dropped)> RunAsync(
        HttpClient client, int ratePerSecond, TimeSpan duration, int maxInFlight,
        Func<int, (string Kind, HttpRequestMessage Request)> next, CancellationToken cancellationToken)
    {
        var samples = new List<LoadSample>();
        var running = new List<Task>();
        using var gate = new SemaphoreSlim(maxInFlight);
        var dropped = 0;
        var total = (int)(ratePerSecond * duration.TotalSeconds);
        var interval = 1000.0 / ratePerSecond;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = i * interval;
            var wait = due - clock.Elapsed.TotalMilliseconds;
            if (wait > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait), cancellationToken);
            }

            if (!await gate.WaitAsync(0, cancellationToken))
            {
                dropped++;
                continue;
            }

            var (kind, request) = next(i);
            running.Add(SendAsync(kind, request, due));
        }

        await Task.WhenAll(running);
        return (samples, dropped);

        async Task SendAsync(string kind, HttpRequestMessage request, double due)
        {
            var status = 0;
            try
            {
                using (request)
                using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken))
                {
                    status = (int)response.StatusCode;
                }
            }
            catch (HttpRequestException)
            {
                // Recorded as status 0: a failed request counts, with the time it took to fail.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The client timeout: recorded as status 0 with its (long) latency.
            }
            finally
            {
                var elapsed = clock.Elapsed.TotalMilliseconds - due;
                lock (samples)
                {
                    samples.Add(new LoadSample(kind, elapsed, status));
                }

                gate.Release();
            }
        }
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
