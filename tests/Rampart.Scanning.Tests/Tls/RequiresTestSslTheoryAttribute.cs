namespace Rampart.Scanning.Tests.Tls;

/// <summary>
/// A theory that needs testssl.sh: skipped visibly (with the reason in the test report) when it is not installed,
/// never skipped when CI is set — there the comparison runs, and a missing testssl.sh fails it.
/// </summary>
public sealed class RequiresTestSslTheoryAttribute : TheoryAttribute
{
    public RequiresTestSslTheoryAttribute()
    {
        if (TestSsl.Path is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = "testssl.sh is not installed (eng/install-test-deps.sh installs it). It is never skipped when CI is set.";
        }
    }
}
