using Microsoft.Extensions.Time.Testing;
using Rampart.Catalog;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Forge.Tests;

/// <summary>A Forge scanner on a fixed day (2026-11-29), so runtime end-of-life verdicts do not drift with the calendar.</summary>
public static class ForgeTestScanner
{
    public static DateTimeOffset Today { get; } = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public static Task<ScanReport> ScanAsync(string path, ForgeScanOptions? options = null) =>
        new ForgeScanner(new FakeTimeProvider(Today), CatalogRegistry.Embedded).ScanAsync(path, options ?? new ForgeScanOptions(), CancellationToken.None);

    /// <summary>"path:line" of a finding location "path:line:column".</summary>
    public static string FileLine(string location)
    {
        var last = location.LastIndexOf(':');
        return location[..last];
    }
}
