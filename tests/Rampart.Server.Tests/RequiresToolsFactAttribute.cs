namespace Rampart.Server.Tests;

/// <summary>
/// A fact that needs outside tools (<see cref="Tools"/>). Skipped, saying which tool is missing, on a developer machine
/// without them; never skipped when the <c>CI</c> environment variable is set: there the test runs and fails on the
/// missing tool (eng/install-test-deps.sh installs them).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolsFactAttribute : FactAttribute
{
    public RequiresToolsFactAttribute(params string[] tools)
    {
        var missing = Tools.Missing(tools);
        if (missing.Count > 0 && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"missing: {string.Join(", ", missing)} (run eng/install-test-deps.sh). Never skipped when CI is set.";
        }
    }
}
