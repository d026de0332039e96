using Rampart.Tracking;

namespace Rampart.Server;

/// <summary>How one <c>rampart serve</c> runs: where it listens, which database, how often enforcement runs.</summary>
/// <param name="Urls">Kestrel addresses, e.g. <c>http://127.0.0.1:8080</c>; port 0 picks a free port.</param>
/// <param name="EnforcementInterval">Time between scheduled enforcement runs (measured by the <see cref="TimeProvider"/>).</param>
public sealed record ServerOptions(string Urls, TrackingStoreOptions Store, TimeSpan EnforcementInterval)
{
    public static readonly TimeSpan DefaultEnforcementInterval = TimeSpan.FromMinutes(15);

    public const string DefaultUrls = "http://127.0.0.1:8080";
}
