namespace Rampart.Scanning.Tests.Support;

/// <summary>A token that ends a hung test instead of hanging the suite (not a timing assertion).</summary>
public static class TestTimeout
{
    public static CancellationToken Token => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;
}
