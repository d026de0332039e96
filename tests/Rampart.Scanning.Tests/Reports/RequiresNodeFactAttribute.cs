namespace Rampart.Scanning.Tests.Reports;

/// <summary>
/// A fact that needs Node.js (node and npm on PATH). Skipped on a developer machine without them; never skipped when the
/// <c>CI</c> environment variable is set, where a missing Node.js must fail the run rather than hide the test.
/// </summary>
public sealed class RequiresNodeFactAttribute : FactAttribute
{
    public RequiresNodeFactAttribute()
    {
        if (!NodeTooling.IsAvailable && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = "Node.js (node and npm) is not on PATH; install it to run this test. It is never skipped when CI is set.";
        }
    }
}
