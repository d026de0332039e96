using Rampart.Scanning.Tests.Support;

namespace Rampart.Scanning.Tests.Dns;

/// <summary>
/// A fact that needs dnsmasq. Skipped on a developer machine without it; never skipped when the <c>CI</c> environment
/// variable is set, where a missing dnsmasq must fail the run rather than hide the DNS tests.
/// </summary>
public sealed class RequiresDnsmasqFactAttribute : FactAttribute
{
    public RequiresDnsmasqFactAttribute()
    {
        if (DnsmasqServer.Executable is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = "dnsmasq is not installed (eng/install-test-deps.sh installs it). It is never skipped when CI is set.";
        }
    }
}
