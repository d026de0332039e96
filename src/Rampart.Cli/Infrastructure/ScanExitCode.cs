using Rampart.ScanReports;

namespace Rampart.Cli.Infrastructure;

/// <summary>The exit code of a finished scan: what a CI gate reads, so an unverified requirement can never pass as 0.</summary>
internal static class ScanExitCode
{
    public static int For(ScanReport report, bool allowIncomplete)
    {
        if (report.HasFailures)
        {
            return ExitCodes.RequirementFailed;
        }

        // Guidelines are advisory whatever their status, as in ScanReport.HasFailures.
        var incomplete = report.Requirements.Any(r => r.Status == RequirementStatus.Error && !r.Guideline);
        return incomplete && !allowIncomplete ? ExitCodes.Incomplete : ExitCodes.Passed;
    }
}
