using System.Collections.Concurrent;

namespace Rampart.DemoApps.Connect;

/// <summary>
/// The app's tenants. The seeded test installation is pinned: scans POST forged installs and uninstalls, and must
/// never invalidate the credentials the test harness was handed. Other tenants are bounded so a long benchmark
/// against an app that accepts forged installs cannot grow memory without limit.
/// </summary>
internal sealed class InstallationRegistry
{
    private const int MaxOtherInstallations = 256;

    private readonly ConcurrentDictionary<string, Installation> others = new(StringComparer.Ordinal);

    public InstallationRegistry(Installation test) => Test = test;

    public Installation Test { get; }

    public Installation? Find(string? clientKey)
    {
        if (string.IsNullOrEmpty(clientKey))
        {
            return null;
        }

        if (string.Equals(clientKey, Test.ClientKey, StringComparison.Ordinal))
        {
            return Test;
        }

        return others.TryGetValue(clientKey, out var installation) ? installation : null;
    }

    public void Install(Installation installation)
    {
        if (string.Equals(installation.ClientKey, Test.ClientKey, StringComparison.Ordinal))
        {
            return;
        }

        while (others.Count >= MaxOtherInstallations && !others.ContainsKey(installation.ClientKey))
        {
            var victim = others.Keys.FirstOrDefault();
            if (victim is null)
            {
                break;
            }

            others.TryRemove(victim, out _);
        }

        others[installation.ClientKey] = installation;
    }

    public void Uninstall(string clientKey) => others.TryRemove(clientKey, out _);
}
